// literal.cc — decoding string, identifier and number tokens (see literal.h).
#include "sql/parser/literal.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "sql/parser/grammar.h"
#include "types/decimal.h"

namespace minisql::sql {
namespace {

/// The byte a backslash escape stands for. MySQL keeps the backslash of \% and \_
/// (so that LIKE still sees an escaped wildcard); the caller handles that case.
char Unescape(char c) {
  switch (c) {
    case '0':
      return '\0';
    case 'b':
      return '\b';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'Z':
      return '\x1a';
    default:
      return c;  // \' \" \\ and any other \x = x
  }
}

/// Appends the decoded body of the quoted literal starting at text[i] (the opening
/// quote); returns the index just past its closing quote.
size_t AppendOneLiteral(std::string_view text, size_t i, std::string* out) {
  char quote = text[i++];
  while (i < text.size()) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      char next = text[i + 1];
      if (next == '%' || next == '_') out->push_back('\\');
      out->push_back(Unescape(next));
      i += 2;
    } else if (c == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        out->push_back(quote);
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      out->push_back(c);
      i++;
    }
  }
  return i;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

/// 0x414 or X'41' -> bytes; an odd digit count gets a leading zero (0x414 = "\x04\x14").
std::string DecodeHex(std::string_view text) {
  std::string_view digits;
  if (text[0] == '0') {
    digits = text.substr(2);
  } else {
    digits = text.substr(2, text.size() - 3);  // X'...'
  }
  std::string out;
  size_t i = 0;
  if (digits.size() % 2 == 1) {
    out.push_back(static_cast<char>(HexValue(digits[0])));
    i = 1;
  }
  for (; i + 1 < digits.size(); i += 2) {
    out.push_back(static_cast<char>(HexValue(digits[i]) * 16 + HexValue(digits[i + 1])));
  }
  return out;
}

}  // namespace

std::string DecodeStringLiteral(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\'' || text[i] == '"') {
      i = AppendOneLiteral(text, i, &out);
    } else {
      i++;  // whitespace between adjacent literals
    }
  }
  return out;
}

std::string DecodeIdentifier(std::string_view text) {
  if (text.size() < 2 || text[0] != '`') return std::string(text);
  std::string out;
  for (size_t i = 1; i + 1 < text.size(); i++) {
    out.push_back(text[i]);
    if (text[i] == '`') i++;  // `` stands for one backtick
  }
  return out;
}

bool DecodeNumber(int token_type, std::string_view text, Value* out) {
  std::string s(text);
  switch (token_type) {
    case TK_INTEGER: {
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') {
        *out = Value::Int(v);
        return true;
      }
      // 9223372036854775808 .. 18446744073709551615: BIGINT UNSIGNED, as in MySQL.
      errno = 0;
      unsigned long long u = std::strtoull(s.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') {
        *out = Value::UInt(u);
        return true;
      }
      [[fallthrough]];  // too big for uint64: an exact DECIMAL, as in MySQL
    }
    case TK_DECIMAL_NUM: {
      std::optional<Decimal> d = Decimal::Parse(s);
      if (d) {
        *out = Value::FromDecimal(*d);
        return true;
      }
      [[fallthrough]];  // wider than DECIMAL holds: a DOUBLE, as MySQL does
    }
    case TK_FLOAT_NUM: {
      errno = 0;
      double v = std::strtod(s.c_str(), nullptr);
      if (errno == ERANGE && std::isinf(v)) return false;
      *out = Value::Double(v);
      return true;
    }
    case TK_HEX_NUM:
      *out = Value::String(DecodeHex(text));
      return true;
    default:
      return false;
  }
}

}  // namespace minisql::sql
