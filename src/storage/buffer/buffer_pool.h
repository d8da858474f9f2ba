// buffer_pool.h — a fixed set of in-memory page frames caching the data file.
//
//   FetchPage(id) ──► page table hit? ──yes──► pin, return guard
//                         │ no
//                         ▼
//                  pick a victim frame (CLOCK) ──► dirty? write it (fresh checksum)
//                         │
//                         ▼
//                  pread page id, verify checksum, pin, return guard
//
// Frames: buffer_pool_bytes / kPageSize of them (at least 16). The page table maps a
// PageId to the frame holding it.
//
// Eviction is CLOCK (second chance): each frame has a "referenced" bit set on every
// fetch; the clock hand sweeps the frames, clearing set bits and evicting the first
// unpinned frame whose bit is already clear. Why CLOCK and not exact LRU: it
// approximates LRU (recently used pages survive one sweep) with O(1) work per fetch
// and no list to reorder under the mutex on every hit, and it copes better than LRU
// with one large scan (the scan's pages are evicted after a single sweep).
//
// Pins: a pinned frame is never evicted. If every frame is pinned, fetching another
// page fails with ER_OUT_OF_RESOURCES (1041) rather than waiting or crashing.
//
// Dirty frames and no-steal: a frame is marked dirty only when the pager commits the
// transaction that changed it. Until then the transaction keeps the page pinned, so
// uncommitted bytes can never be evicted to the data file (the "no-steal" rule; it
// means the data file never needs undo). A dirty frame's image is already in the
// fsynced write-ahead log, so writing it to the data file at eviction needs no fsync.
//
// Concurrency: one internal mutex protects the page table and frame metadata, and is
// held during the disk read or write of a miss/eviction (simple and safe; concurrent
// readers of cached pages only contend briefly). Page bytes themselves are not
// latched; see the pager's one-writer rule.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "storage/buffer/page_guard.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"

namespace minisql::storage {

class BufferPool {
 public:
  static constexpr size_t kMinFrames = 16;

  /// A pool caching pages of `data_file` (not owned; must outlive the pool) with
  /// `pool_bytes / kPageSize` frames, at least kMinFrames.
  BufferPool(File* data_file, uint64_t pool_bytes);
  BufferPool(const BufferPool&) = delete;
  BufferPool& operator=(const BufferPool&) = delete;

  size_t frame_count() const { return frames_.size(); }

  /// Pins page `id`, reading it from the data file (checksum verified) on a miss.
  /// A page past the end of the file reads as zeros.
  Result<PageGuard> FetchPage(PageId id);
  /// Same, with writable bytes. Does not mark the frame dirty (see MarkDirty).
  Result<WritePageGuard> FetchPageForWrite(PageId id);
  /// Pins a frame for page `id` WITHOUT reading the file, zero-filled: for pages the
  /// pager has just added at the end of the file.
  Result<WritePageGuard> NewPage(PageId id);

  /// Writes every dirty frame to the data file (does not sync). Pinned frames are
  /// written too: callers guarantee they hold only committed bytes.
  Status FlushAll();
  /// Number of dirty frames (tests, checkpoint heuristics).
  size_t DirtyCount();

 private:
  friend class PageGuard;
  friend class WritePageGuard;

  struct Frame {
    PageId page_id = kInvalidPageId;
    int pin_count = 0;
    bool dirty = false;
    bool referenced = false;
    int write_pins = 0;    // pins held by WritePageGuards (their bytes may change)
    bool checked = false;  // validated by the owner since the bytes last changed
    char* data = nullptr;  // into buffer_
  };

  // Pins page `id` in some frame, loading it if `read` (else zero-filling). mu_ held.
  Result<size_t> PinLocked(PageId id, bool read);
  // PinLocked for a WritePageGuard: the frame is no longer checked. mu_ held.
  Result<size_t> PinForWriteLocked(PageId id, bool read);
  // Finds a frame to reuse (free or CLOCK victim), writing it back if dirty. mu_ held.
  Result<size_t> VictimLocked();
  // Writes frame `f` to the data file with a fresh checksum. mu_ held.
  Status WriteFrameLocked(Frame& f);
  void Unpin(size_t frame);
  void UnpinWrite(size_t frame);  // a WritePageGuard's pin
  void MarkDirty(size_t frame);
  void MarkChecked(size_t frame);  // see "Checked pages" in page_guard.h

  File* data_file_;
  std::mutex mu_;
  std::unique_ptr<char[]> buffer_;  // frame_count * kPageSize bytes
  std::vector<Frame> frames_;
  std::unordered_map<PageId, size_t> page_table_;
  size_t clock_hand_ = 0;
};

}  // namespace minisql::storage
