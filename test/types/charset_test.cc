// charset_test.cc — the client character sets and their conversions (types/charset.h).
#include "types/charset.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

TEST(CharsetTest, EveryLatin1ByteRoundTrips) {
  for (int b = 0; b < 256; ++b) {
    std::string byte(1, static_cast<char>(b));
    std::optional<std::string> utf8 = ToUtf8(CharacterSet::kLatin1, byte);
    ASSERT_TRUE(utf8.has_value()) << b;
    EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, *utf8), byte) << b;
  }
}

TEST(CharsetTest, Latin1IsCp1252) {
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "\xE9"), "\xC3\xA9");      // é
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "\x80"), "\xE2\x82\xAC");  // €
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "\x99"), "\xE2\x84\xA2");  // ™
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "\x9F"), "\xC5\xB8");      // Ÿ
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "\x81\x8D\x8F\x90\x9D"),   // undefined in
            "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");              // cp1252: C1
  EXPECT_EQ(*ToUtf8(CharacterSet::kLatin1, "a\xFF"), "a\xC3\xBF");    // ÿ
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xC3\xA9\xE2\x82\xAC"), "\xE9\x80");
}

TEST(CharsetTest, UnmappableBecomesQuestionMark) {
  // 中 (U+4E2D), 😀 (U+1F600), a C1 control cp1252 assigns elsewhere (U+0080).
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1,
                     "a\xE4\xB8\xAD"
                     "b"),
            "a?b");
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xF0\x9F\x98\x80"), "?");
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xC2\x80"), "?");
  EXPECT_EQ(FromUtf8(CharacterSet::kAscii, "caf\xC3\xA9"), "caf?");
  // utf8mb3 holds the BMP only.
  EXPECT_EQ(FromUtf8(CharacterSet::kUtf8mb3, "x\xF0\x9F\x98\x80\xE4\xB8\xAD"), "x?\xE4\xB8\xAD");
  // Bytes that are not UTF-8: one '?' each.
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1,
                     "a\xE9"
                     "b"),
            "a?b");
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xC0\xAF"), "??");       // overlong '/'
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xED\xA0\x80"), "???");  // surrogate
  EXPECT_EQ(FromUtf8(CharacterSet::kLatin1, "\xE2\x82"), "??");       // truncated
}

TEST(CharsetTest, AsciiRejectsHighBytes) {
  EXPECT_EQ(*ToUtf8(CharacterSet::kAscii, "plain 'text'"), "plain 'text'");
  size_t offset = 0;
  EXPECT_FALSE(ToUtf8(CharacterSet::kAscii, "ab\xE9", &offset).has_value());
  EXPECT_EQ(offset, 2u);
}

TEST(CharsetTest, FindsAndReplacesInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xE9"
                            "cd"),
            2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\x80"), 0u);          // overlong NUL
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // beyond U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82"), 0u);          // truncated
  EXPECT_EQ(ReplaceInvalidUtf8("ab\xE9"
                               "cd\xC3\xA9"),
            "ab?cd\xC3\xA9");
  EXPECT_EQ(ReplaceInvalidUtf8("\xE2\x82"), "??");
}

TEST(CharsetTest, UnicodeAndBinaryPassThrough) {
  std::string bytes = "\xE9\xFF\xC3\xA9\xF0\x9F\x98\x80";
  for (CharacterSet set : {CharacterSet::kUtf8mb4, CharacterSet::kUtf8mb3, CharacterSet::kBinary}) {
    EXPECT_EQ(*ToUtf8(set, bytes), bytes);
  }
  EXPECT_EQ(FromUtf8(CharacterSet::kUtf8mb4, bytes), bytes);
  EXPECT_EQ(FromUtf8(CharacterSet::kBinary, bytes), bytes);
}

TEST(CharsetTest, CollationIds) {
  EXPECT_EQ(CharacterSetOfCollation(8), CharacterSet::kLatin1);
  EXPECT_EQ(CharacterSetOfCollation(47), CharacterSet::kLatin1);
  EXPECT_EQ(CharacterSetOfCollation(11), CharacterSet::kAscii);
  EXPECT_EQ(CharacterSetOfCollation(33), CharacterSet::kUtf8mb3);
  EXPECT_EQ(CharacterSetOfCollation(200), CharacterSet::kUtf8mb3);
  EXPECT_EQ(CharacterSetOfCollation(45), CharacterSet::kUtf8mb4);
  EXPECT_EQ(CharacterSetOfCollation(46), CharacterSet::kUtf8mb4);
  EXPECT_EQ(CharacterSetOfCollation(224), CharacterSet::kUtf8mb4);
  EXPECT_EQ(CharacterSetOfCollation(255), CharacterSet::kUtf8mb4);
  EXPECT_EQ(CharacterSetOfCollation(63), CharacterSet::kBinary);
  EXPECT_FALSE(CharacterSetOfCollation(28).has_value());  // gbk: not supported
  EXPECT_FALSE(CharacterSetOfCollation(0).has_value());
  EXPECT_EQ(CollationName(8), "latin1_swedish_ci");
  EXPECT_EQ(CollationName(28), "");
  EXPECT_EQ(DefaultCollationName(CharacterSet::kAscii), "ascii_general_ci");
  EXPECT_EQ(DefaultCollationId(CharacterSet::kLatin1), 8);
  EXPECT_EQ(MaxBytesPerChar(CharacterSet::kLatin1), 1u);
  EXPECT_EQ(MaxBytesPerChar(CharacterSet::kUtf8mb3), 3u);
  EXPECT_EQ(CharacterSetByName("UTF8"), CharacterSet::kUtf8mb3);
  EXPECT_EQ(CharacterSetByName("Latin1"), CharacterSet::kLatin1);
  EXPECT_FALSE(CharacterSetByName("koi8r").has_value());
}

}  // namespace
}  // namespace minisql
