// file_header.cc — encoding page 0 (layout in file_header.h).
#include "storage/pager/file_header.h"

#include <cstring>

#include "storage/page/byte_order.h"

namespace minisql::storage {

namespace {
constexpr char kMagic[8] = {'m', 'i', 'n', 'i', 's', 'q', 'l', '\0'};
constexpr size_t kMagicOffset = 16;
constexpr size_t kVersionOffset = 24;
constexpr size_t kPageCountOffset = 28;
constexpr size_t kFreeHeadOffset = 32;
constexpr size_t kCleanShutdownOffset = 36;
constexpr size_t kNextLsnOffset = 40;
}  // namespace

void EncodeFileHeader(const FileHeader& header, char* page) {
  std::memset(page + kPageHeaderSize, 0, kPageContentSize);
  SetPageType(page, PageType::kFileHeader);
  std::memcpy(page + kMagicOffset, kMagic, sizeof(kMagic));
  EncodeFixed32(page + kVersionOffset, kFileFormatVersion);
  EncodeFixed32(page + kPageCountOffset, header.page_count);
  EncodeFixed32(page + kFreeHeadOffset, header.free_list_head);
  page[kCleanShutdownOffset] = header.clean_shutdown ? 1 : 0;
  EncodeFixed64(page + kNextLsnOffset, header.next_lsn);
}

Result<FileHeader> DecodeFileHeader(const char* page, const std::string& path) {
  if (GetPageType(page) != PageType::kFileHeader ||
      std::memcmp(page + kMagicOffset, kMagic, sizeof(kMagic)) != 0) {
    return Status::WithMessage(ErrorCode::kNotFormFile, "Incorrect information in file: '" + path +
                                                            "' (not a minisql data file)");
  }
  uint32_t version = DecodeFixed32(page + kVersionOffset);
  if (version != kFileFormatVersion) {
    return Status::WithMessage(ErrorCode::kNotFormFile,
                               "Incorrect information in file: '" + path + "' (format version " +
                                   std::to_string(version) + ", this server reads version " +
                                   std::to_string(kFileFormatVersion) + ")");
  }
  FileHeader header;
  header.page_count = DecodeFixed32(page + kPageCountOffset);
  header.free_list_head = DecodeFixed32(page + kFreeHeadOffset);
  header.clean_shutdown = page[kCleanShutdownOffset] != 0;
  header.next_lsn = DecodeFixed64(page + kNextLsnOffset);
  if (header.page_count == 0 || header.page_count == kInvalidPageId ||
      (header.free_list_head != kInvalidPageId &&
       (header.free_list_head == 0 || header.free_list_head >= header.page_count))) {
    return Status::WithMessage(ErrorCode::kNotFormFile, "Incorrect information in file: '" + path +
                                                            "' (bad page count or free list head)");
  }
  return header;
}

PageId GetNextFreePage(const char* page) {
  return DecodeFixed32(PageContent(page));
}

void SetNextFreePage(char* page, PageId next) {
  EncodeFixed32(PageContent(page), next);
}

}  // namespace minisql::storage
