// Tests for the key encoding of binary string columns (BINARY, VARBINARY, BLOB): unlike
// text keys, which hold a case-folded weight, binary keys hold the bytes, so memcmp of two
// encodings is the byte order of the values, and 'a', 'A' and 'a ' are distinct keys.
#include <gtest/gtest.h>

#include <random>

#include "storage/table/key_codec.h"

namespace minisql::storage {
namespace {

std::string Encode(const ColumnType& type, const std::string& bytes) {
  std::string key;
  Status s = AppendKeyComponent(type, Value::Binary(bytes), &key);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return key;
}

int Sign(int c) {
  return (c > 0) - (c < 0);
}

const ColumnType kVarbinary{TypeId::kVarbinary, false, 10};

TEST(BinaryKeyCodecTest, CaseAndTrailingSpacesMakeDistinctKeys) {
  EXPECT_NE(Encode(kVarbinary, "a"), Encode(kVarbinary, "A"));
  EXPECT_NE(Encode(kVarbinary, "a"), Encode(kVarbinary, "a "));
  EXPECT_EQ(Encode(kVarbinary, "abc"), Encode(kVarbinary, "abc"));
  EXPECT_LT(Encode(kVarbinary, "A"), Encode(kVarbinary, "a"));  // byte order: 0x41 < 0x61
  EXPECT_LT(Encode(kVarbinary, "a"), Encode(kVarbinary, "a "));
}

TEST(BinaryKeyCodecTest, TextKeysStillFoldCase) {
  const ColumnType varchar{TypeId::kVarchar, false, 10};
  std::string lower, upper;
  ASSERT_TRUE(AppendKeyComponent(varchar, Value::String("a"), &lower).ok());
  ASSERT_TRUE(AppendKeyComponent(varchar, Value::String("A"), &upper).ok());
  EXPECT_EQ(lower, upper);
}

TEST(BinaryKeyCodecTest, RandomBytesSortInByteOrder) {
  std::mt19937 rng(11);
  const std::string alphabet("aA \x00\x01\xff", 6);
  for (const ColumnType& type : {kVarbinary, ColumnType{TypeId::kBinary, false, 4},
                                 ColumnType{TypeId::kBlob, false, 65535}}) {
    for (int i = 0; i < 3000; ++i) {
      std::string a, b;
      for (int k = static_cast<int>(rng() % 5); k > 0; --k) a.push_back(alphabet[rng() % 6]);
      for (int k = static_cast<int>(rng() % 5); k > 0; --k) b.push_back(alphabet[rng() % 6]);
      EXPECT_EQ(Sign(Encode(type, a).compare(Encode(type, b))), Sign(a.compare(b))) << type.ToSql();
    }
  }
}

// A key component followed by another must not let a shorter value's terminator sort
// after a longer value's bytes: ("a", x) < ("a\0", y) for every x, y.
TEST(BinaryKeyCodecTest, PrefixSortsBeforeLongerValueInCompositeKeys) {
  std::string shorter = Encode(kVarbinary, "a") + Encode(kVarbinary, "\xff\xff");
  std::string longer = Encode(kVarbinary, std::string("a\0", 2)) + Encode(kVarbinary, "");
  EXPECT_LT(shorter, longer);
}

}  // namespace
}  // namespace minisql::storage
