// page_checksum_test.cc — CRC-32C against published check values, and page checksums
// catching corruption.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "storage/page/byte_order.h"
#include "storage/page/crc32c.h"
#include "storage/page/page.h"

namespace minisql::storage {
namespace {

TEST(Crc32cTest, KnownVectors) {
  // The CRC catalogue's check value and the iSCSI vectors of RFC 3720 (B.4).
  EXPECT_EQ(Crc32c("123456789", 9), 0xE3069283u);
  std::string zeros(32, '\0');
  EXPECT_EQ(Crc32c(zeros.data(), zeros.size()), 0x8A9136AAu);
  std::string ones(32, '\xFF');
  EXPECT_EQ(Crc32c(ones.data(), ones.size()), 0x62A8AB43u);
  std::string ascending;
  for (int i = 0; i < 32; ++i) ascending.push_back(static_cast<char>(i));
  EXPECT_EQ(Crc32c(ascending.data(), ascending.size()), 0x46DD794Eu);
  EXPECT_EQ(Crc32c("", 0), 0u);
}

TEST(Crc32cTest, ExtendEqualsWhole) {
  std::string text = "the quick brown fox jumps over the lazy dog";
  uint32_t whole = Crc32c(text.data(), text.size());
  uint32_t part = Crc32c(text.data(), 10);
  EXPECT_EQ(Crc32cExtend(part, text.data() + 10, text.size() - 10), whole);
}

TEST(ByteOrderTest, LittleEndianRoundTrip) {
  char buf[8];
  EncodeFixed32(buf, 0x01020304u);
  EXPECT_EQ(buf[0], 0x04);
  EXPECT_EQ(buf[3], 0x01);
  EXPECT_EQ(DecodeFixed32(buf), 0x01020304u);
  EncodeFixed64(buf, 0x1122334455667788ull);
  EXPECT_EQ(DecodeFixed64(buf), 0x1122334455667788ull);
  EncodeFixed16(buf, 0xBEEF);
  EXPECT_EQ(DecodeFixed16(buf), 0xBEEF);
}

TEST(PageTest, HeaderFields) {
  char page[kPageSize] = {};
  SetPageType(page, PageType::kBTreeLeaf);
  SetPageLsn(page, 42);
  EXPECT_EQ(GetPageType(page), PageType::kBTreeLeaf);
  EXPECT_EQ(GetPageLsn(page), 42u);
  EXPECT_EQ(PageContent(page), page + kPageHeaderSize);
}

TEST(PageTest, ChecksumDetectsCorruption) {
  char page[kPageSize] = {};
  SetPageType(page, PageType::kBTreeInternal);
  std::memcpy(PageContent(page), "hello", 5);
  StampPageChecksum(page);
  EXPECT_TRUE(PageChecksumValid(page));
  EXPECT_TRUE(VerifyPageChecksum(page, "x.db", 3).ok());

  for (size_t offset : {size_t{5}, size_t{12}, kPageHeaderSize, kPageSize - 1}) {
    char copy[kPageSize];
    std::memcpy(copy, page, kPageSize);
    copy[offset] ^= 0x01;  // one flipped bit anywhere is caught
    EXPECT_FALSE(PageChecksumValid(copy)) << "offset " << offset;
    Status s = VerifyPageChecksum(copy, "x.db", 3);
    EXPECT_EQ(s.code(), 1033);
    EXPECT_EQ(s.message(), "Page 3 of file 'x.db' is corrupt (checksum mismatch)");
  }
}

TEST(PageTest, AllZeroPageIsValid) {
  char page[kPageSize] = {};
  EXPECT_TRUE(PageChecksumValid(page));
  page[100] = 1;  // no longer all zero, checksum field 0 is wrong
  EXPECT_FALSE(PageChecksumValid(page));
}

}  // namespace
}  // namespace minisql::storage
