// client_charset_test.cc — query text from a latin1/ascii client becomes UTF-8, except
// `_binary` literals (session/client_charset.h).
#include "session/client_charset.h"

#include <gtest/gtest.h>

namespace minisql {
namespace {

TEST(ClientCharsetTest, Latin1QueryTextBecomesUtf8) {
  Result<std::string> text = QueryTextToUtf8(CharacterSet::kLatin1, "SELECT '\xE9\x80', `caf\xE9`");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "SELECT '\xC3\xA9\xE2\x82\xAC', `caf\xC3\xA9`");
}

TEST(ClientCharsetTest, BinaryIntroducerKeepsBytes) {
  Result<std::string> text =
      QueryTextToUtf8(CharacterSet::kLatin1,
                      "SELECT _binary'\xE9', _BINARY /* c\xE9 */ '\xE9', '\xE9', _latin1'\xE9'");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "SELECT _binary'\xE9', _BINARY /* c\xC3\xA9 */ '\xE9', '\xC3\xA9', _latin1'\xC3\xA9'");
  // The introducer applies to the next token only.
  text = QueryTextToUtf8(CharacterSet::kLatin1, "SELECT _binary 'a', '\xE9'");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "SELECT _binary 'a', '\xC3\xA9'");
  // A column called _binary is not an introducer before a non-string.
  text = QueryTextToUtf8(CharacterSet::kLatin1, "SELECT _binary + 1, '\xE9'");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "SELECT _binary + 1, '\xC3\xA9'");
}

TEST(ClientCharsetTest, AsciiRejectsHighBytesOutsideBinaryLiterals) {
  Result<std::string> text = QueryTextToUtf8(CharacterSet::kAscii, "SELECT 'a\xE9' 'b'");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), 1300);
  EXPECT_EQ(text.status().message(), "Invalid ascii character string: 'E92720276227'");
  text = QueryTextToUtf8(CharacterSet::kAscii, "SELECT _binary'\xE9'");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "SELECT _binary'\xE9'");
  Result<std::string> name = ClientTextToUtf8(CharacterSet::kAscii, "db\xFF");
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.status().message(), "Invalid ascii character string: 'FF'");
}

TEST(ClientCharsetTest, UnicodeClientsPassThrough) {
  std::string bytes = "SELECT '\xE9\xC3\xA9'";
  EXPECT_EQ(*QueryTextToUtf8(CharacterSet::kUtf8mb4, bytes), bytes);
  EXPECT_EQ(*QueryTextToUtf8(CharacterSet::kUtf8mb3, bytes), bytes);
  EXPECT_EQ(*QueryTextToUtf8(CharacterSet::kBinary, bytes), bytes);
}

}  // namespace
}  // namespace minisql
