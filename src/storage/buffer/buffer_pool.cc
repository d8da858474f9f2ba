// buffer_pool.cc — frames, page table, CLOCK eviction (design in buffer_pool.h).
#include "storage/buffer/buffer_pool.h"

#include <algorithm>
#include <cstring>

namespace minisql::storage {

BufferPool::BufferPool(File* data_file, uint64_t pool_bytes) : data_file_(data_file) {
  size_t count = std::max<uint64_t>(kMinFrames, pool_bytes / kPageSize);
  buffer_ = std::make_unique<char[]>(count * kPageSize);
  frames_.resize(count);
  for (size_t i = 0; i < count; ++i) frames_[i].data = buffer_.get() + i * kPageSize;
  page_table_.reserve(count);
}

Result<PageGuard> BufferPool::FetchPage(PageId id) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<size_t> frame = PinLocked(id, /*read=*/true);
  if (!frame.ok()) return frame.status();
  const Frame& f = frames_[*frame];
  return PageGuard(this, *frame, id, f.data, f.checked && f.write_pins == 0);
}

Result<WritePageGuard> BufferPool::FetchPageForWrite(PageId id) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<size_t> frame = PinForWriteLocked(id, /*read=*/true);
  if (!frame.ok()) return frame.status();
  return WritePageGuard(this, *frame, id, frames_[*frame].data);
}

Result<WritePageGuard> BufferPool::NewPage(PageId id) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<size_t> frame = PinForWriteLocked(id, /*read=*/false);
  if (!frame.ok()) return frame.status();
  return WritePageGuard(this, *frame, id, frames_[*frame].data);
}

Status BufferPool::FlushAll() {
  std::lock_guard<std::mutex> lock(mu_);
  for (Frame& f : frames_) {
    if (f.page_id != kInvalidPageId && f.dirty) MINISQL_RETURN_IF_ERROR(WriteFrameLocked(f));
  }
  return Status::OK();
}

size_t BufferPool::DirtyCount() {
  std::lock_guard<std::mutex> lock(mu_);
  return std::count_if(frames_.begin(), frames_.end(), [](const Frame& f) { return f.dirty; });
}

Result<size_t> BufferPool::PinLocked(PageId id, bool read) {
  auto hit = page_table_.find(id);
  if (hit != page_table_.end()) {
    Frame& f = frames_[hit->second];
    ++f.pin_count;
    f.referenced = true;
    if (!read) {
      std::memset(f.data, 0, kPageSize);
      f.checked = false;
    }
    return hit->second;
  }

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
  f.write_pins = 0;
  f.checked = false;
  page_table_[id] = *victim;
  return *victim;
}

Result<size_t> BufferPool::PinForWriteLocked(PageId id, bool read) {
  Result<size_t> frame = PinLocked(id, read);
  if (!frame.ok()) return frame.status();
  ++frames_[*frame].write_pins;
  frames_[*frame].checked = false;
  return frame;
}

Result<size_t> BufferPool::VictimLocked() {
  // Two full sweeps are enough: the first may only clear referenced bits.
  for (size_t step = 0; step < 2 * frames_.size(); ++step) {
    size_t index = clock_hand_;
    clock_hand_ = (clock_hand_ + 1) % frames_.size();
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
                             "Out of memory; all " + std::to_string(frames_.size()) +
                                 " buffer pool pages are pinned (raise buffer_pool_bytes)");
}

Status BufferPool::WriteFrameLocked(Frame& f) {
  StampPageChecksum(f.data);
  MINISQL_RETURN_IF_ERROR(data_file_->Write(uint64_t{f.page_id} * kPageSize, f.data, kPageSize));
  f.dirty = false;
  return Status::OK();
}

void BufferPool::Unpin(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  if (frames_[frame].pin_count > 0) --frames_[frame].pin_count;
}

void BufferPool::UnpinWrite(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  Frame& f = frames_[frame];
  if (f.pin_count > 0) --f.pin_count;
  if (f.write_pins > 0) --f.write_pins;
}

void BufferPool::MarkChecked(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  Frame& f = frames_[frame];
  // A write pin taken since the caller's fetch may have changed the bytes it checked.
  if (f.write_pins == 0) f.checked = true;
}

void BufferPool::MarkDirty(size_t frame) {
  std::lock_guard<std::mutex> lock(mu_);
  frames_[frame].dirty = true;
}

}  // namespace minisql::storage
