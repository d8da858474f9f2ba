// page_guard.h — RAII pins and latches on buffer pool pages.
//
// While a page is pinned its frame cannot be evicted, so the pointer returned by
// data() stays valid; while it is latched its bytes cannot change under the holder
// (shared) or be read by anyone else (exclusive). A guard pins (and latches) on
// creation (by BufferPool) and unlatches, then unpins, when it is destroyed or reset,
// so neither can leak on an error path:
//
//   Result<PageGuard> page = pager->FetchPage(id);
//   if (!page.ok()) return page.status();
//   const char* bytes = page->data();          // valid until `page` goes away
//
//   guard            pins  latch        who gets it
//   ───────────────  ────  ───────────  ──────────────────────────────────────────────
//   PageGuard        yes   shared       every reader (BufferPool::FetchPage)
//     "owned"        yes   none         the writer thread reading a page whose
//                                       exclusive latch it already holds (the latch
//                                       is not re-entrant; the writer excludes all)
//   WritePageGuard   yes   exclusive    BufferPool::FetchPageForWrite / NewPage: the
//                                       pager, around every change of page bytes
//     pins-only      yes   none         BufferPool::PinPage: the pager's transaction
//                                       bookkeeping, which keeps pages resident until
//                                       their commit is durable (readers must get in
//                                       meanwhile), and the pager's callers, whose
//                                       exclusive latch the PagerTxn holds (pager.h)
//
// (The latches are BusTub-style ReadPageGuard/WritePageGuard; the names here predate
// them.) Guards are movable, not copyable. A default-constructed or moved-from guard
// holds nothing (valid() == false).
//
// Checked pages. Bytes read from the data file are untrusted (a checksum catches torn
// or rotted pages, not a crafted file), so the B+ tree validates a node's structure
// before using it. Doing that on every fetch of a cached page was a quarter of a point
// select's instructions, so the frame remembers it: PageGuard::checked() is true when
// the page's owner called MarkChecked() since the bytes came in, and no writer has been
// handed the page to change it since (MarkChanged: the pager calls it whenever it gives
// out a page for writing, and after restoring one). A reader marks under its
// shared latch; an "owned" guard cannot mark (the writer may still change the bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "storage/page/page.h"

namespace minisql::storage {

class BufferPool;

class PageGuard {
 public:
  enum Latch { kShared, kOwned };
  PageGuard() = default;
  PageGuard(BufferPool* pool, size_t frame, PageId id, char* data, bool checked, uint64_t version,
            Latch latch)
      : pool_(pool),
        frame_(frame),
        id_(id),
        data_(data),
        checked_(checked),
        version_(version),
        latch_(latch) {}
  ~PageGuard() { Release(); }
  PageGuard(PageGuard&& other) noexcept { *this = std::move(other); }
  PageGuard& operator=(PageGuard&& other) noexcept;
  PageGuard(const PageGuard&) = delete;
  PageGuard& operator=(const PageGuard&) = delete;

  bool valid() const { return pool_ != nullptr; }
  PageId id() const { return id_; }
  /// The whole page (header included); kPageSize bytes.
  const char* data() const { return data_; }
  /// True if the page's structure was validated since its bytes last changed (above).
  bool checked() const { return checked_; }
  /// Records that the caller validated the page's structure.
  void MarkChecked();
  /// The frame's version when the latch was taken (buffer_pool.h): equal versions of
  /// the same page id mean unchanged bytes.
  uint64_t version() const { return version_; }
  /// Unlatches and unpins now (also done by the destructor).
  void Release();

 private:
  BufferPool* pool_ = nullptr;
  size_t frame_ = 0;
  PageId id_ = kInvalidPageId;
  char* data_ = nullptr;
  bool checked_ = false;
  uint64_t version_ = 0;
  Latch latch_ = kShared;
};

class WritePageGuard {
 public:
  WritePageGuard() = default;
  WritePageGuard(BufferPool* pool, size_t frame, PageId id, char* data, bool latched)
      : pool_(pool), frame_(frame), id_(id), data_(data), latched_(latched) {}
  ~WritePageGuard() { Release(); }
  WritePageGuard(WritePageGuard&& other) noexcept { *this = std::move(other); }
  WritePageGuard& operator=(WritePageGuard&& other) noexcept;
  WritePageGuard(const WritePageGuard&) = delete;
  WritePageGuard& operator=(const WritePageGuard&) = delete;

  bool valid() const { return pool_ != nullptr; }
  PageId id() const { return id_; }
  /// The whole page (header included); kPageSize bytes. Users write the content
  /// (bytes kPageHeaderSize..) and the page type; the pager maintains LSN/checksum.
  char* data() const { return data_; }
  /// Marks the frame dirty (must reach the data file before eviction). Called by the
  /// pager at commit; page users do not need it.
  void MarkDirty();
  /// True if this guard holds the exclusive latch (false: pins only, see above).
  bool latched() const { return latched_; }
  /// A pins-only guard takes the exclusive latch (waiting for readers to leave).
  void LatchExclusive();
  /// Same, but only if no one holds the latch now; returns whether it did.
  bool TryLatchExclusive();
  /// Gives the exclusive latch back, keeping the pin.
  void UnlatchExclusive();
  /// The bytes are about to change (or just did): the frame is no longer "checked".
  void MarkChanged();
  /// Unlatches (if latched) and unpins now (also done by the destructor).
  void Release();

 private:
  BufferPool* pool_ = nullptr;
  size_t frame_ = 0;
  PageId id_ = kInvalidPageId;
  char* data_ = nullptr;
  bool latched_ = false;
};

}  // namespace minisql::storage
