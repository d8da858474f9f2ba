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
// Concurrency, two levels:
//   * mu_, one pool-wide mutex, protects the page table and frame metadata (pins,
//     dirty, CLOCK bits) and is held during the disk read or write of a miss or an
//     eviction. It is never held while waiting for a page latch.
//   * every frame has a reader/writer LATCH (std::shared_mutex) protecting the page
//     BYTES. FetchPage pins, drops mu_, then takes the latch shared; FetchPageForWrite
//     and NewPage take it exclusive. A latch is only ever held on a pinned frame, so
//     eviction (which only picks unpinned frames) never meets a latched frame, and it
//     is released before the pin.
//
//   thread:  lock mu_ ─► pin ─► unlock mu_ ─► latch (may wait) ─► use bytes ─► unlatch ─► unpin
//
// Each frame also carries:
//   version   a pool-wide counter value, renewed whenever the frame's exclusive latch is
//             taken or a page is loaded into it. A reader that remembers (page, version)
//             and later finds the same version knows the bytes did not change in between
//             (the B+ tree cursor relies on it to resume a scan, btree_cursor.h).
//   owner     the thread holding the exclusive latch, if any. The storage engine has ONE
//             writer thread at a time (its writer mutex); while it holds a page's
//             exclusive latch, its own FetchPage of that page pins without latching (it
//             would otherwise deadlock on itself), see PageGuard's "owned" reads.
//   checked   see "Checked pages" in page_guard.h; reset whenever a writer is handed the
//             page to change it (not on every exclusive latch: the writer's descent
//             latches nodes it only passes through).
//
// Writing a frame to the data file (eviction, FlushAll) stamps the checksum into a
// scratch copy, never into the frame, so flushing never writes bytes a reader may be
// latching.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
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

  size_t frame_count() const { return frame_count_; }

  /// Pins page `id` and latches it SHARED, reading it from the data file (checksum
  /// verified) on a miss. A page past the end of the file reads as zeros. If the
  /// calling thread holds the page's exclusive latch, the guard pins only.
  Result<PageGuard> FetchPage(PageId id);
  /// Pins page `id` and latches it EXCLUSIVE (waits for readers to leave). Writable
  /// bytes. Does not mark the frame dirty (see MarkDirty). The caller must not already
  /// hold the page's exclusive latch.
  Result<WritePageGuard> FetchPageForWrite(PageId id);
  /// Pins page `id` WITHOUT latching: a pins-only guard. For the pager's transaction
  /// bookkeeping, which keeps a touched page resident until its commit is durable
  /// (long after the writer stopped changing it, while readers must get in); it writes
  /// the bytes only under a separate exclusive latch (FetchPageForWrite).
  Result<WritePageGuard> PinPage(PageId id);
  /// Pins a frame for page `id` WITHOUT reading the file, latched exclusive and
  /// zero-filled: for pages the pager has just added at the end of the file.
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
    // Metadata, under mu_.
    PageId page_id = kInvalidPageId;
    int pin_count = 0;
    bool dirty = false;
    bool referenced = false;
    char* data = nullptr;  // into buffer_
    // The page latch and what travels with it (see the header comment).
    std::shared_mutex latch;
    std::atomic<uint64_t> version{0};
    std::atomic<std::thread::id> owner{};  // exclusive holder, if any
    std::atomic<bool> checked{false};      // validated since the bytes last changed
  };

  // Pins page `id` in some frame, loading it if `read` (else zero-filling on a miss).
  // mu_ held.
  Result<size_t> PinLocked(PageId id, bool read);
  // Pins (mu_ taken and dropped), then latches exclusive unless `latch` is false.
  Result<WritePageGuard> PinForWrite(PageId id, bool read, bool latch);
  // Finds a frame to reuse (free or CLOCK victim), writing it back if dirty. mu_ held.
  Result<size_t> VictimLocked();
  // Writes frame `f` to the data file with a fresh checksum (in scratch_). mu_ held.
  Status WriteFrameLocked(Frame& f);
  void Unpin(size_t frame);
  void LatchExclusive(size_t frame);
  bool TryLatchExclusive(size_t frame);
  // After taking the exclusive latch: owner, new version.
  void NoteExclusive(size_t frame);
  void MarkChanged(size_t frame);  // not checked any more
  void UnlatchShared(size_t frame);
  void UnlatchExclusive(size_t frame);
  void MarkDirty(size_t frame);
  void MarkChecked(size_t frame);  // see "Checked pages" in page_guard.h

  File* data_file_;
  std::mutex mu_;
  std::unique_ptr<char[]> buffer_;   // frame_count_ * kPageSize bytes
  std::unique_ptr<char[]> scratch_;  // one page: a frame's copy being written, mu_ held
  size_t frame_count_;
  std::unique_ptr<Frame[]> frames_;  // not a vector: latches and atomics do not move
  std::unordered_map<PageId, size_t> page_table_;
  size_t clock_hand_ = 0;
  std::atomic<uint64_t> next_version_{1};
};

}  // namespace minisql::storage
