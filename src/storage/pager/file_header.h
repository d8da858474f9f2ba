// file_header.h — page 0 of the data file: what the pager must find again after a
// restart before it can trust anything else.
//
//   offset  size  field
//   ------  ----  --------------------------------------------------------------
//        0    16  page header (page.h), type kFileHeader
//       16     8  magic            "minisql\0"
//       24     4  format version   kFileFormatVersion (u32)
//       28     4  page count       pages in the file, page 0 included (u32)
//       32     4  free list head   first free page, or kInvalidPageId (u32)
//       36     1  clean shutdown   1 if the last run ended with Pager::Close()
//       37     3  reserved         zero
//       40     8  next LSN         LSN to continue from (written at checkpoints)
//     48..8191    zero
//
// Free pages form a singly linked list through their first content bytes:
//
//   free page: [page header, type kFree][u32 next free page id or kInvalidPageId]...
//
// Page 0 is changed only inside pager transactions, so it is logged and recovered
// like every other page.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/page/page.h"

namespace minisql::storage {

constexpr uint32_t kFileFormatVersion = 1;

struct FileHeader {
  uint32_t page_count = 1;
  PageId free_list_head = kInvalidPageId;
  bool clean_shutdown = false;
  uint64_t next_lsn = 1;
};

/// Fills page buffer `page` (kPageSize bytes) with `header`, type kFileHeader.
/// Keeps the page LSN.
void EncodeFileHeader(const FileHeader& header, char* page);
/// Parses page 0; a wrong magic or version is error 1033 naming `path`.
Result<FileHeader> DecodeFileHeader(const char* page, const std::string& path);

/// The next-free link stored in a free page.
PageId GetNextFreePage(const char* page);
void SetNextFreePage(char* page, PageId next);

}  // namespace minisql::storage
