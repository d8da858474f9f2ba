// page_guard.h — RAII pins on buffer pool pages.
//
// While a page is pinned its frame cannot be evicted, so the pointer returned by
// data() stays valid. A guard pins on creation (by BufferPool) and unpins when it is
// destroyed or reset, so a pin can never leak on an error path:
//
//   Result<PageGuard> page = pager->FetchPage(id);
//   if (!page.ok()) return page.status();
//   const char* bytes = page->data();          // valid until `page` goes away
//
// PageGuard gives read-only bytes; WritePageGuard gives writable bytes and is only
// handed out by the pager inside a write transaction (which records the page's
// pre-image first). Guards are movable, not copyable. A default-constructed or
// moved-from guard holds nothing (valid() == false).
//
// Checked pages. Bytes read from the data file are untrusted (a checksum catches torn
// or rotted pages, not a crafted file), so the B+ tree validates a node's structure
// before using it. Doing that on every fetch of a cached page was a quarter of a point
// select's instructions, so the frame remembers it: PageGuard::checked() is true when
// the page's owner called MarkChecked() since the bytes came in, and no WritePageGuard
// has been handed out for the frame since (one could change the bytes; while any write
// pin is held, checked() stays false).
//
// Guards are pins, not latches: they do not lock the page against other threads.
// The pager's concurrency rule (one writer, or any number of readers) makes latches
// unnecessary in this first cut; see pager/pager.h.
#pragma once

#include <cstddef>
#include <utility>

#include "storage/page/page.h"

namespace minisql::storage {

class BufferPool;

class PageGuard {
 public:
  PageGuard() = default;
  PageGuard(BufferPool* pool, size_t frame, PageId id, char* data, bool checked)
      : pool_(pool), frame_(frame), id_(id), data_(data), checked_(checked) {}
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
  /// Unpins now (also done by the destructor).
  void Release();

 private:
  BufferPool* pool_ = nullptr;
  size_t frame_ = 0;
  PageId id_ = kInvalidPageId;
  char* data_ = nullptr;
  bool checked_ = false;
};

class WritePageGuard {
 public:
  WritePageGuard() = default;
  WritePageGuard(BufferPool* pool, size_t frame, PageId id, char* data)
      : pool_(pool), frame_(frame), id_(id), data_(data) {}
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
  void Release();

 private:
  BufferPool* pool_ = nullptr;
  size_t frame_ = 0;
  PageId id_ = kInvalidPageId;
  char* data_ = nullptr;
};

}  // namespace minisql::storage
