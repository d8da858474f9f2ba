// buffer_pool.cc — frames, page table, CLOCK eviction, page latches (design in
// buffer_pool.h).
#include "storage/buffer/buffer_pool.h"

#include <algorithm>
#include <cstring>

namespace minisql::storage {

BufferPool::BufferPool(File* data_file, uint64_t pool_bytes)
    : data_file_(data_file), frame_count_(std::max<uint64_t>(kMinFrames, pool_bytes / kPageSize)) {
  buffer_ = std::make_unique<char[]>(frame_count_ * kPageSize);
  scratch_ = std::make_unique<char[]>(kPageSize);
  frames_ = std::make_unique<Frame[]>(frame_count_);
  for (size_t i = 0; i < frame_count_; ++i) frames_[i].data = buffer_.get() + i * kPageSize;
  page_table_.reserve(frame_count_);
}

Result<PageGuard> BufferPool::FetchPage(PageId id) {
  size_t index;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Result<size_t> frame = PinLocked(id, /*read=*/true);
    if (!frame.ok()) return frame.status();
    index = *frame;
  }
  Frame& f = frames_[index];
  // The single writer reading a page it is changing: it already excludes everyone.
  bool owned = f.owner.load(std::memory_order_relaxed) == std::this_thread::get_id();
  if (!owned) f.latch.lock_shared();
  return PageGuard(this, index, id, f.data, f.checked.load(), f.version.load(),
                   owned ? PageGuard::kOwned : PageGuard::kShared);
}

Result<WritePageGuard> BufferPool::FetchPageForWrite(PageId id) {
  return PinForWrite(id, /*read=*/true, /*latch=*/true);
}

Result<WritePageGuard> BufferPool::PinPage(PageId id) {
  return PinForWrite(id, /*read=*/true, /*latch=*/false);
}

Result<WritePageGuard> BufferPool::NewPage(PageId id) {
  Result<WritePageGuard> page = PinForWrite(id, /*read=*/false, /*latch=*/true);
  // A stale cached frame of this id (a rolled-back extension) is cleared under the latch.
  if (page.ok()) {
    std::memset(page->data(), 0, kPageSize);
    page->MarkChanged();
  }
  return page;
}

Result<WritePageGuard> BufferPool::PinForWrite(PageId id, bool read, bool latch) {
  size_t index;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Result<size_t> frame = PinLocked(id, read);
    if (!frame.ok()) return frame.status();
    index = *frame;
  }
  if (latch) LatchExclusive(index);
  return WritePageGuard(this, index, id, frames_[index].data, latch);
}

void BufferPool::LatchExclusive(size_t index) {
  frames_[index].latch.lock();
  NoteExclusive(index);
}

bool BufferPool::TryLatchExclusive(size_t index) {
  if (!frames_[index].latch.try_lock()) return false;
  NoteExclusive(index);
  return true;
}

void BufferPool::NoteExclusive(size_t index) {
  Frame& f = frames_[index];
  f.owner.store(std::this_thread::get_id(), std::memory_order_relaxed);
  f.version.store(next_version_.fetch_add(1));
}

void BufferPool::MarkChanged(size_t frame) {
  frames_[frame].checked.store(false);
}

void BufferPool::UnlatchExclusive(size_t index) {
  Frame& f = frames_[index];
  f.owner.store(std::thread::id(), std::memory_order_relaxed);
  f.latch.unlock();
}

void BufferPool::UnlatchShared(size_t index) {
  frames_[index].latch.unlock_shared();
}

Status BufferPool::FlushAll() {
  std::lock_guard<std::mutex> lock(mu_);
  for (size_t i = 0; i < frame_count_; ++i) {
    Frame& f = frames_[i];
    if (f.page_id != kInvalidPageId && f.dirty) MINISQL_RETURN_IF_ERROR(WriteFrameLocked(f));
  }
  return Status::OK();
}

size_t BufferPool::DirtyCount() {
  std::lock_guard<std::mutex> lock(mu_);
  size_t count = 0;
  for (size_t i = 0; i < frame_count_; ++i) count += frames_[i].dirty ? 1 : 0;
  return count;
}

Result<size_t> BufferPool::PinLocked(PageId id, bool read) {
  auto hit = page_table_.find(id);
  if (hit != page_table_.end()) {
    Frame& f = frames_[hit->second];
    ++f.pin_count;
    f.referenced = true;
    return hit->second;
  }

  // The victim is unpinned, hence unlatched: nobody else touches its bytes.
  Result<size_t> victim = VictimLocked();
  if (!victim.ok()) return victim.status();
  Frame& f = frames_[*victim];
  if (read) {
    Result<size_t> n = data_file_->Read(uint64_t{id} * kPageSize, kPageSize, f.data);
    if (!n.ok()) return n.status();
    // Past the end of the file (or a partial last page): the missing bytes are zeros.
    std::memset(f.data + *n, 0, kPageSize - *n);
    MINISQL_RETURN_IF_ERROR(VerifyPageChecksum(f.data, data_file_->path(), id));
  } else {
    std::memset(f.data, 0, kPageSize);
  }
  f.page_id = id;
  f.pin_count = 1;
  f.dirty = false;
  f.referenced = true;
  f.checked.store(false);
  f.version.store(next_version_.fetch_add(1));
  page_table_[id] = *victim;
  return *victim;
}

Result<size_t> BufferPool::VictimLocked() {
  // Two full sweeps are enough: the first may only clear referenced bits.
  for (size_t step = 0; step < 2 * frame_count_; ++step) {
    size_t index = clock_hand_;
    clock_hand_ = (clock_hand_ + 1) % frame_count_;
    Frame& f = frames_[index];
    if (f.page_id == kInvalidPageId) return index;  // never used, or a failed load
    if (f.pin_count > 0) continue;
    if (f.referenced) {
      f.referenced = false;  // second chance
      continue;
    }
    if (f.dirty) MINISQL_RETURN_IF_ERROR(WriteFrameLocked(f));
    page_table_.erase(f.page_id);
    f.page_id = kInvalidPageId;
    return index;
  }
  return Status::WithMessage(ErrorCode::kOutOfResources,
                             "Out of memory; all " + std::to_string(frame_count_) +
                                 " buffer pool pages are pinned (raise buffer_pool_bytes)");
}

Status BufferPool::WriteFrameLocked(Frame& f) {
  // A pinned frame (FlushAll) may be latched shared by readers right now: copy it and
  // stamp the copy. Its bytes only change under the exclusive latch, which the one
  // writer never holds while the pool flushes on its behalf (checkpoint).
  std::memcpy(scratch_.get(), f.data, kPageSize);
  StampPageChecksum(scratch_.get());
  MINISQL_RETURN_IF_ERROR(
      data_file_->Write(uint64_t{f.page_id} * kPageSize, scratch_.get(), kPageSize));
  f.dirty = false;
  return Status::OK();
}

void BufferPool::Unpin(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  if (frames_[frame].pin_count > 0) --frames_[frame].pin_count;
}

void BufferPool::MarkChecked(size_t frame) {
  frames_[frame].checked.store(true);
}

void BufferPool::MarkDirty(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  frames_[frame].dirty = true;
}

}  // namespace minisql::storage
