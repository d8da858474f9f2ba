// tokenizer_test.cc — GetToken() on every token class, and the literal decoders.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql/parser/grammar.h"
#include "sql/parser/literal.h"
#include "sql/parser/tokenizer.h"

namespace minisql::sql {
namespace {

struct Scanned {
  int type;
  std::string text;
};

/// All tokens of `sql`, spaces included, with their text.
std::vector<Scanned> Scan(std::string_view sql) {
  std::vector<Scanned> out;
  size_t pos = 0;
  while (pos < sql.size()) {
    int type = 0;
    size_t n = GetToken(sql.substr(pos), &type);
    EXPECT_GE(n, 1u);
    out.push_back({type, std::string(sql.substr(pos, n))});
    pos += n;
  }
  return out;
}

/// Types of the tokens of `sql` without spaces.
std::vector<int> Types(std::string_view sql) {
  std::vector<int> out;
  for (const Scanned& s : Scan(sql)) {
    if (s.type != TK_SPACE) out.push_back(s.type);
  }
  return out;
}

int Single(std::string_view sql) {
  int type = 0;
  size_t n = GetToken(sql, &type);
  EXPECT_EQ(n, sql.size()) << sql;
  return type;
}

TEST(TokenizerTest, KeywordsAreCaseInsensitive) {
  EXPECT_EQ(Single("SELECT"), TK_SELECT);
  EXPECT_EQ(Single("select"), TK_SELECT);
  EXPECT_EQ(Single("SeLeCt"), TK_SELECT);
  EXPECT_EQ(Single("current_timestamp"), TK_CURRENT_TIMESTAMP);
  EXPECT_EQ(Single("integer"), TK_INTEGER_KW);
  EXPECT_EQ(Single("selects"), TK_ID);
  EXPECT_EQ(Single("x"), TK_ID);
  EXPECT_EQ(Single("_a$1"), TK_ID);
  EXPECT_EQ(Single("\xC3\xA9t\xC3\xA9"), TK_ID);  // UTF-8 letters
  EXPECT_EQ(LookupKeyword("zerofill"), TK_ZEROFILL);
  EXPECT_EQ(LookupKeyword("all"), TK_ALL);
  EXPECT_EQ(LookupKeyword("averyveryverylongidentifier"), TK_ID);
  EXPECT_TRUE(IsKeywordToken(TK_ORDER));
  EXPECT_FALSE(IsKeywordToken(TK_ID));
}

TEST(TokenizerTest, QuotedIdentifiers) {
  EXPECT_EQ(Single("`select`"), TK_ID);
  EXPECT_EQ(Single("`a``b`"), TK_ID);
  EXPECT_EQ(DecodeIdentifier("`a``b`"), "a`b");
  EXPECT_EQ(DecodeIdentifier("plain"), "plain");
  EXPECT_EQ(Single("`unterminated"), TK_ILLEGAL);
  EXPECT_EQ(Single("``"), TK_ILLEGAL);
}

TEST(TokenizerTest, Strings) {
  EXPECT_EQ(Single("'abc'"), TK_STRING);
  EXPECT_EQ(Single("\"abc\""), TK_STRING);
  EXPECT_EQ(Single("'it''s'"), TK_STRING);
  EXPECT_EQ(Single("'a\\'b'"), TK_STRING);
  EXPECT_EQ(Single("'abc"), TK_ILLEGAL);
  EXPECT_EQ(Single("'ab\\'"), TK_ILLEGAL);
}

TEST(TokenizerTest, StringEscapes) {
  EXPECT_EQ(DecodeStringLiteral("'it''s'"), "it's");
  EXPECT_EQ(DecodeStringLiteral("\"say \"\"hi\"\"\""), "say \"hi\"");
  EXPECT_EQ(DecodeStringLiteral("'\\0\\'\\\"\\b\\n\\r\\t\\Z\\\\'"),
            std::string("\0'\"\b\n\r\t\x1a\\", 9));
  // MySQL keeps the backslash of \% and \_ (LIKE escapes), drops it elsewhere.
  EXPECT_EQ(DecodeStringLiteral("'a\\%b\\_c\\qd'"), "a\\%b\\_cqd");
  EXPECT_EQ(DecodeStringLiteral("'a' 'b'  \"c\""), "abc");
  EXPECT_EQ(DecodeStringLiteral("''"), "");
}

TEST(TokenizerTest, NumbersAndTheirTypes) {
  EXPECT_EQ(Single("12"), TK_INTEGER);
  EXPECT_EQ(Single("1.5"), TK_DECIMAL_NUM);
  EXPECT_EQ(Single(".5"), TK_DECIMAL_NUM);
  EXPECT_EQ(Single("1."), TK_DECIMAL_NUM);
  EXPECT_EQ(Single("1e3"), TK_FLOAT_NUM);
  EXPECT_EQ(Single("1.5E-3"), TK_FLOAT_NUM);
  EXPECT_EQ(Single("0x41"), TK_HEX_NUM);
  EXPECT_EQ(Single("X'41'"), TK_HEX_NUM);
  EXPECT_EQ(Single("x'4142'"), TK_HEX_NUM);
  EXPECT_EQ(Single("X'414'"), TK_ILLEGAL);  // odd digit count
  EXPECT_EQ(Single("1abc"), TK_ID);         // MySQL allows names starting with digits
  EXPECT_EQ(Single("1e"), TK_ID);

  Value v;
  ASSERT_TRUE(DecodeNumber(TK_INTEGER, "12", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kInt);
  EXPECT_EQ(v.int_value(), 12);
  ASSERT_TRUE(DecodeNumber(TK_INTEGER, "9223372036854775807", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kInt);
  ASSERT_TRUE(DecodeNumber(TK_INTEGER, "9223372036854775808", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kUInt);  // BIGINT UNSIGNED up to 2^64 - 1
  ASSERT_TRUE(DecodeNumber(TK_INTEGER, "18446744073709551615", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kUInt);
  EXPECT_EQ(v.uint_value(), UINT64_MAX);
  ASSERT_TRUE(DecodeNumber(TK_INTEGER, "18446744073709551616", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kDecimal);
  ASSERT_TRUE(DecodeNumber(TK_DECIMAL_NUM, "1.50", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kDecimal);
  EXPECT_EQ(v.decimal_value().scale(), 2);
  ASSERT_TRUE(DecodeNumber(TK_DECIMAL_NUM, ".5", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kDecimal);
  ASSERT_TRUE(DecodeNumber(TK_FLOAT_NUM, "1.5e0", &v));
  EXPECT_EQ(v.kind(), Value::Kind::kDouble);
  EXPECT_EQ(v.double_value(), 1.5);
  ASSERT_TRUE(DecodeNumber(TK_HEX_NUM, "0x4142", &v));
  EXPECT_EQ(v.string_value(), "AB");
  ASSERT_TRUE(DecodeNumber(TK_HEX_NUM, "X'41'", &v));
  EXPECT_EQ(v.string_value(), "A");
  ASSERT_TRUE(DecodeNumber(TK_HEX_NUM, "0x141", &v));
  EXPECT_EQ(v.string_value(), std::string("\x01\x41"));
  EXPECT_FALSE(DecodeNumber(TK_FLOAT_NUM, "1e999", &v));
}

TEST(TokenizerTest, Operators) {
  EXPECT_EQ(Types("= <> != < <= > >= <=> + - * / % ~ & | ^ << >> := , ( ) . ; @ @@ ? !"),
            (std::vector<int>{TK_EQ,      TK_NE,          TK_NE,     TK_LT,    TK_LE,     TK_GT,
                              TK_GE,      TK_NULLSAFE_EQ, TK_PLUS,   TK_MINUS, TK_STAR,   TK_SLASH,
                              TK_PERCENT, TK_TILDE,       TK_BITAND, TK_BITOR, TK_BITXOR, TK_LSHIFT,
                              TK_RSHIFT,  TK_ASSIGN,      TK_COMMA,  TK_LP,    TK_RP,     TK_DOT,
                              TK_SEMI,    TK_AT,          TK_AT2,    TK_PARAM, TK_BANG}));
  EXPECT_EQ(Types("a && b || c"), (std::vector<int>{TK_ID, TK_AND, TK_ID, TK_OR, TK_ID}));
  EXPECT_EQ(Types("DIV MOD XOR NOT"), (std::vector<int>{TK_DIV, TK_MOD, TK_XOR, TK_NOT}));
  EXPECT_EQ(Single("{"), TK_ILLEGAL);
  EXPECT_EQ(Single(":"), TK_ILLEGAL);
}

TEST(TokenizerTest, Comments) {
  EXPECT_EQ(Single("-- x"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("--"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("--\tx\n"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("# x\n"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("/* x */"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("/*+ hint */"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("/* never closed"), TK_ILLEGAL);
  // "--" without a following space is two minus signs: 1--1 = 1 - (-1).
  EXPECT_EQ(Types("1--1"), (std::vector<int>{TK_INTEGER, TK_MINUS, TK_MINUS, TK_INTEGER}));
}

TEST(TokenizerTest, VersionedComments) {
  // Versions up to 8.0.0 run: only the opening marker is a token; the driver drops "*/".
  std::vector<Scanned> s = Scan("/*!50000 ENGINE */");
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s[0].type, TK_VERSION_OPEN);
  EXPECT_EQ(s[0].text, "/*!50000");
  EXPECT_EQ(Scan("/*! ENGINE */")[0].text, "/*!");
  EXPECT_EQ(Scan("/*M!100000 x */")[0].type, TK_SKIPPED_COMMENT);  // MariaDB 10.0 > MySQL 8.0
  EXPECT_EQ(Scan("/*M!50000 x */")[0].type, TK_VERSION_OPEN);
  EXPECT_EQ(Scan("/*!80000 x */")[0].type, TK_VERSION_OPEN);
  EXPECT_EQ(Single("/*!80001 x */"), TK_SKIPPED_COMMENT);
  EXPECT_EQ(Single("/*!99999 garbage */"), TK_SKIPPED_COMMENT);
}

TEST(TokenizerTest, SpacesIncludeNul) {
  EXPECT_EQ(Single(std::string_view(" \t\r\n\0", 5)), TK_SPACE);
}

TEST(TokenizerTest, OffsetsCoverTheInput) {
  std::string sql = "SELECT price*2, 'x' FROM `t`";
  std::vector<Scanned> s = Scan(sql);
  std::string joined;
  for (const Scanned& t : s) joined += t.text;
  EXPECT_EQ(joined, sql);
  EXPECT_EQ(s[2].text, "price");
  EXPECT_EQ(s[3].type, TK_STAR);
}

}  // namespace
}  // namespace minisql::sql
