// page.h — the fixed-size page, the unit of all storage I/O, and its 16-byte header.
//
// The data file <datadir>/minisql.db is an array of 8 KiB pages; page N lives at byte
// offset N * 8192. Every page, whatever it holds, starts with this header:
//
//   offset  size  field
//   ------  ----  ---------------------------------------------------------------
//        0     4  checksum   CRC-32C of bytes 4..8191 (little-endian u32)
//        4     8  page LSN   log sequence number of the last logged image (u64)
//       12     1  page type  PageType below
//       13     3  reserved   zero
//       16  8176  content    owned by the page's user (B+ tree node, file header...)
//
// The checksum is stamped by the buffer pool when it writes a page to the data file
// and verified when it reads one back: a mismatch is reported as an error naming the
// file and page ("Page 7 of file './minisql.db' is corrupt (checksum mismatch)") and
// the bytes are never used. A page that is entirely zero is valid: it is a page the
// file was extended over but which was never written (e.g. a crash before the first
// flush), and reads as an empty kFree page.
//
// In memory (in a buffer pool frame) the checksum field is stale and meaningless;
// only the LSN and type fields are maintained.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

namespace minisql::storage {

constexpr size_t kPageSize = 8192;
constexpr size_t kPageHeaderSize = 16;
/// Bytes of a page available to its user (offsets kPageHeaderSize..kPageSize-1).
constexpr size_t kPageContentSize = kPageSize - kPageHeaderSize;

using PageId = uint32_t;
constexpr PageId kInvalidPageId = UINT32_MAX;
/// Page 0 holds the pager's file header; users never see it.
constexpr PageId kFileHeaderPageId = 0;

/// What a page holds (byte 12 of the header). Values are on disk: never renumber.
enum class PageType : uint8_t {
  kFree = 0,           // unused: freshly allocated, or on the free list
  kFileHeader = 1,     // page 0, the pager's own (see pager/file_header.h)
  kBTreeLeaf = 2,      // B+ tree leaf node
  kBTreeInternal = 3,  // B+ tree internal node
  kOverflow = 4,       // continuation of a value too large for its leaf
};

// Header field offsets.
constexpr size_t kPageChecksumOffset = 0;
constexpr size_t kPageLsnOffset = 4;
constexpr size_t kPageTypeOffset = 12;

/// The page type byte (unchecked: an unknown value comes back as is).
PageType GetPageType(const char* page);
void SetPageType(char* page, PageType type);
uint64_t GetPageLsn(const char* page);
void SetPageLsn(char* page, uint64_t lsn);

/// A pointer to the user content (bytes 16..8191) of a page buffer.
inline char* PageContent(char* page) {
  return page + kPageHeaderSize;
}
inline const char* PageContent(const char* page) {
  return page + kPageHeaderSize;
}

/// Computes the checksum of bytes 4..8191 and stores it in bytes 0..3.
void StampPageChecksum(char* page);
/// True when the stored checksum matches, or the whole page is zero.
bool PageChecksumValid(const char* page);
/// OK when PageChecksumValid(); otherwise the corruption error naming `file` and `id`.
Status VerifyPageChecksum(const char* page, const std::string& file, PageId id);

}  // namespace minisql::storage
