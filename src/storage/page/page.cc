// page.cc — page header accessors and checksums (layout in page.h).
#include "storage/page/page.h"

#include <algorithm>

#include "storage/page/byte_order.h"
#include "storage/page/crc32c.h"

namespace minisql::storage {

PageType GetPageType(const char* page) {
  return static_cast<PageType>(static_cast<uint8_t>(page[kPageTypeOffset]));
}

void SetPageType(char* page, PageType type) {
  page[kPageTypeOffset] = static_cast<char>(static_cast<uint8_t>(type));
}

uint64_t GetPageLsn(const char* page) {
  return DecodeFixed64(page + kPageLsnOffset);
}

void SetPageLsn(char* page, uint64_t lsn) {
  EncodeFixed64(page + kPageLsnOffset, lsn);
}

namespace {
// The checksum covers everything after the checksum field itself.
uint32_t ComputePageChecksum(const char* page) {
  return Crc32c(page + kPageLsnOffset, kPageSize - kPageLsnOffset);
}
}  // namespace

void StampPageChecksum(char* page) {
  EncodeFixed32(page + kPageChecksumOffset, ComputePageChecksum(page));
}

bool PageChecksumValid(const char* page) {
  if (DecodeFixed32(page + kPageChecksumOffset) == ComputePageChecksum(page)) return true;
  // Never written: a file extended over this page, then a crash before its first write.
  return std::all_of(page, page + kPageSize, [](char c) { return c == 0; });
}

Status VerifyPageChecksum(const char* page, const std::string& file, PageId id) {
  if (PageChecksumValid(page)) return Status::OK();
  return Status::WithMessage(
      ErrorCode::kNotFormFile,
      "Page " + std::to_string(id) + " of file '" + file + "' is corrupt (checksum mismatch)");
}

}  // namespace minisql::storage
