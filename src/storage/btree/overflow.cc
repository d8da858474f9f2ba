// overflow.cc — writing, reading and freeing overflow chains (format in overflow.h).
#include "storage/btree/overflow.h"

#include <algorithm>
#include <cstring>

#include "storage/page/byte_order.h"

namespace minisql::storage {
namespace {

constexpr size_t kNextOffset = kPageHeaderSize;           // u32 next page id, 0 = last
constexpr size_t kByteCountOffset = kPageHeaderSize + 4;  // u32 value bytes in this page
constexpr size_t kDataOffset = kPageHeaderSize + 8;

Status CorruptChain(PageId id) {
  return Status::Error(ErrorCode::kCorruption, "overflow page " + std::to_string(id));
}

/// Walks the chain starting at `first` that must hold exactly `value_size` bytes,
/// calling visit(page id, that page's value bytes) for each page in order.
template <typename Visit>
Status WalkChain(Pager* pager, PageId first, uint64_t value_size, Visit visit) {
  uint64_t pages = OverflowPageCount(value_size);
  // A chain longer than the file has pages cannot be real (and would loop forever).
  if (pages == 0 || pages >= pager->page_count()) return CorruptChain(first);
  uint64_t remaining = value_size;
  PageId id = first;
  for (uint64_t i = 0; i < pages; ++i) {
    if (id == kFileHeaderPageId || id >= pager->page_count()) return CorruptChain(id);
    Result<PageGuard> page = pager->FetchPage(id);
    if (!page.ok()) return page.status();
    const char* bytes = page->data();
    uint32_t count = DecodeFixed32(bytes + kByteCountOffset);
    if (GetPageType(bytes) != PageType::kOverflow ||
        count != std::min<uint64_t>(remaining, kOverflowDataSize)) {
      return CorruptChain(id);
    }
    MINISQL_RETURN_IF_ERROR(visit(id, std::string_view(bytes + kDataOffset, count)));
    remaining -= count;
    id = DecodeFixed32(bytes + kNextOffset);
  }
  if (id != 0) return CorruptChain(first);  // the last page must end the chain
  return Status::OK();
}

}  // namespace

Result<PageId> WriteOverflowChain(Pager* pager, PagerTxn* txn, std::string_view value) {
  if (value.empty()) return Status::Error(ErrorCode::kInternalError, "empty overflow value");
  uint64_t pages = OverflowPageCount(value.size());
  // Every page stays pinned until the transaction ends: refuse up front a value that
  // cannot fit, rather than filling the pool first.
  if (txn->page_count() + pages + 1 > pager->buffer_pool_frames()) {
    return Status::WithMessage(
        ErrorCode::kOutOfResources,
        "Out of memory; a value of " + std::to_string(value.size()) + " bytes needs " +
            std::to_string(pages) + " buffer pool pages, the pool has " +
            std::to_string(pager->buffer_pool_frames()) + " (raise buffer_pool_bytes)");
  }
  PageId first = 0;
  WritePageGuard previous;
  for (size_t offset = 0; offset < value.size(); offset += kOverflowDataSize) {
    size_t count = std::min(kOverflowDataSize, value.size() - offset);
    Result<WritePageGuard> page = pager->AllocatePage(txn);  // zero-filled
    if (!page.ok()) return page.status();
    char* bytes = page->data();
    SetPageType(bytes, PageType::kOverflow);
    EncodeFixed32(bytes + kNextOffset, 0);
    EncodeFixed32(bytes + kByteCountOffset, static_cast<uint32_t>(count));
    std::memcpy(bytes + kDataOffset, value.data() + offset, count);
    if (previous.valid()) {
      EncodeFixed32(previous.data() + kNextOffset, page->id());
    } else {
      first = page->id();
    }
    previous = std::move(*page);
  }
  return first;
}

Status ReadOverflowChain(Pager* pager, PageId first, uint64_t value_size, std::string* value) {
  value->clear();
  // WalkChain checks value_size against the file size before anything is reserved.
  return WalkChain(pager, first, value_size, [&](PageId, std::string_view bytes) {
    if (value->empty()) value->reserve(value_size);
    value->append(bytes);
    return Status::OK();
  });
}

Result<std::vector<PageId>> OverflowChainPages(Pager* pager, PageId first, uint64_t value_size) {
  std::vector<PageId> pages;
  MINISQL_RETURN_IF_ERROR(WalkChain(pager, first, value_size, [&](PageId id, std::string_view) {
    pages.push_back(id);
    return Status::OK();
  }));
  return pages;
}

Status FreeOverflowChain(Pager* pager, PagerTxn* txn, PageId first, uint64_t value_size) {
  Result<std::vector<PageId>> pages = OverflowChainPages(pager, first, value_size);
  if (!pages.ok()) return pages.status();
  for (PageId id : *pages) MINISQL_RETURN_IF_ERROR(pager->FreePage(txn, id));
  return Status::OK();
}

}  // namespace minisql::storage
