// tokenizer.cc — GetToken(): bytes in, (token type, length) out.
//
// The first byte of a token decides what kind of token it can be; a 256-entry table
// maps every byte to its character class so the dispatch is one switch. Each case
// then scans as far as its token goes. Nothing here decodes values: string escapes
// and number conversion happen in literal.cc when the grammar builds a literal.
#include "sql/parser/tokenizer.h"

#include <array>

#include "sql/parser/grammar.h"

namespace minisql::sql {
namespace {

enum CharClass : uint8_t {
  kCcSpace,     // space, tab, newline, NUL, other control characters
  kCcIdent,     // letters, '_', '$', bytes >= 0x80 (UTF-8)
  kCcDigit,     // 0-9
  kCcX,         // x or X: an identifier, or X'hex'
  kCcQuote,     // ' or "
  kCcBacktick,  // `
  kCcMinus,     // - (or a -- comment)
  kCcHash,      // # comment
  kCcSlash,     // / (or a /* comment)
  kCcDot,       // . (or .5)
  kCcOther,     // single-byte operators and punctuation, handled one by one
};

constexpr std::array<CharClass, 256> MakeCharClasses() {
  std::array<CharClass, 256> table{};
  for (int c = 0; c < 256; c++) {
    CharClass cc = kCcOther;
    if (c <= ' ' || c == 0x7f) {
      cc = kCcSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
               c >= 0x80) {
      cc = kCcIdent;
    } else if (c >= '0' && c <= '9') {
      cc = kCcDigit;
    }
    table[c] = cc;
  }
  table['x'] = table['X'] = kCcX;
  table['\''] = table['"'] = kCcQuote;
  table['`'] = kCcBacktick;
  table['-'] = kCcMinus;
  table['#'] = kCcHash;
  table['/'] = kCcSlash;
  table['.'] = kCcDot;
  return table;
}

constexpr std::array<CharClass, 256> kCharClass = MakeCharClasses();

CharClass ClassOf(char c) {
  return kCharClass[static_cast<unsigned char>(c)];
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
/// Can `c` continue an identifier? (letters, digits, _, $, UTF-8 bytes)
bool IsIdentChar(char c) {
  CharClass cc = ClassOf(c);
  return cc == kCcIdent || cc == kCcDigit || cc == kCcX;
}

size_t ScanIdentChars(std::string_view t, size_t i) {
  while (i < t.size() && IsIdentChar(t[i])) i++;
  return i;
}

/// A quoted string or identifier starting at t[0] == quote. A doubled quote stands
/// for itself; for strings a backslash escapes the next byte. Returns the length, or 0
/// if the closing quote is missing.
size_t ScanQuoted(std::string_view t, bool backslash_escapes) {
  char quote = t[0];
  size_t i = 1;
  while (i < t.size()) {
    if (backslash_escapes && t[i] == '\\') {
      i += 2;
      continue;
    }
    if (t[i] == quote) {
      if (i + 1 < t.size() && t[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return 0;
}

/// Numbers: 12, 1.5, .5, 1e3, 1.5E-3. A digit run followed by identifier characters
/// that do not make an exponent is an identifier, as in MySQL (`1abc` names a column).
size_t ScanNumber(std::string_view t, int* type) {
  size_t i = 0;
  while (i < t.size() && IsDigit(t[i])) i++;
  bool has_point = false;
  if (i < t.size() && t[i] == '.') {
    has_point = true;
    i++;
    while (i < t.size() && IsDigit(t[i])) i++;
  }
  *type = has_point ? TK_DECIMAL_NUM : TK_INTEGER;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    size_t j = i + 1;
    if (j < t.size() && (t[j] == '+' || t[j] == '-')) j++;
    if (j < t.size() && IsDigit(t[j])) {
      while (j < t.size() && IsDigit(t[j])) j++;
      *type = TK_FLOAT_NUM;
      i = j;
    }
  }
  if (!has_point && *type == TK_INTEGER && i < t.size() && IsIdentChar(t[i])) {
    *type = TK_ID;
    return ScanIdentChars(t, i);
  }
  return i;
}

/// Comments that start with "/*". Returns the length; sets TK_SKIPPED_COMMENT,
/// TK_VERSION_OPEN (only the "/*!NNNNN" marker) or TK_ILLEGAL (unterminated).
size_t ScanSlashStar(std::string_view t, int* type) {
  // The highest version whose versioned comments we execute: we claim MySQL 8.0.
  constexpr long kOurVersion = 80000;
  size_t i = 2;
  bool versioned = false;
  size_t max_digits = 5;
  if (i < t.size() && t[i] == '!') {
    versioned = true;
    i++;
  } else if (i + 1 < t.size() && t[i] == 'M' && t[i + 1] == '!') {
    versioned = true;
    max_digits = 6;
    i += 2;
  }
  if (versioned) {
    long version = 0;
    size_t digits = 0;
    while (i < t.size() && IsDigit(t[i]) && digits < max_digits) {
      version = version * 10 + (t[i] - '0');
      i++;
      digits++;
    }
    if (version <= kOurVersion) {
      *type = TK_VERSION_OPEN;
      return i;
    }
  }
  size_t end = t.find("*/", 2);
  if (end == std::string_view::npos) {
    *type = TK_ILLEGAL;
    return t.size();
  }
  *type = TK_SKIPPED_COMMENT;
  return end + 2;
}

size_t ToEndOfLine(std::string_view t) {
  size_t end = t.find('\n');
  return end == std::string_view::npos ? t.size() : end + 1;
}

/// Operators and punctuation that are not covered by a character class.
size_t ScanOperator(std::string_view t, int* type) {
  char c = t[0];
  char next = t.size() > 1 ? t[1] : '\0';
  switch (c) {
    case '(':
      *type = TK_LP;
      return 1;
    case ')':
      *type = TK_RP;
      return 1;
    case ',':
      *type = TK_COMMA;
      return 1;
    case ';':
      *type = TK_SEMI;
      return 1;
    case '+':
      *type = TK_PLUS;
      return 1;
    case '*':
      *type = TK_STAR;
      return 1;
    case '%':
      *type = TK_PERCENT;
      return 1;
    case '~':
      *type = TK_TILDE;
      return 1;
    case '^':
      *type = TK_BITXOR;
      return 1;
    case '?':
      *type = TK_PARAM;
      return 1;
    case '=':
      *type = TK_EQ;
      return 1;
    case '&':
      if (next == '&') {
        *type = TK_AND;
        return 2;
      }
      *type = TK_BITAND;
      return 1;
    case '|':
      if (next == '|') {
        *type = TK_OR;
        return 2;
      }
      *type = TK_BITOR;
      return 1;
    case '!':
      if (next == '=') {
        *type = TK_NE;
        return 2;
      }
      *type = TK_BANG;
      return 1;
    case ':':
      if (next == '=') {
        *type = TK_ASSIGN;
        return 2;
      }
      break;
    case '@':
      if (next == '@') {
        *type = TK_AT2;
        return 2;
      }
      *type = TK_AT;
      return 1;
    case '<':
      if (next == '=') {
        if (t.size() > 2 && t[2] == '>') {
          *type = TK_NULLSAFE_EQ;
          return 3;
        }
        *type = TK_LE;
        return 2;
      }
      if (next == '>') {
        *type = TK_NE;
        return 2;
      }
      if (next == '<') {
        *type = TK_LSHIFT;
        return 2;
      }
      *type = TK_LT;
      return 1;
    case '>':
      if (next == '=') {
        *type = TK_GE;
        return 2;
      }
      if (next == '>') {
        *type = TK_RSHIFT;
        return 2;
      }
      *type = TK_GT;
      return 1;
    default:
      break;
  }
  *type = TK_ILLEGAL;
  return 1;
}

}  // namespace

size_t GetToken(std::string_view t, int* type) {
  switch (ClassOf(t[0])) {
    case kCcSpace: {
      size_t i = 1;
      while (i < t.size() && ClassOf(t[i]) == kCcSpace) i++;
      *type = TK_SPACE;
      return i;
    }
    case kCcX:
      if (t.size() > 1 && t[1] == '\'') {
        // X'4142': hex digits, an even number of them.
        size_t i = 2;
        while (i < t.size() && IsHexDigit(t[i])) i++;
        if (i < t.size() && t[i] == '\'' && (i - 2) % 2 == 0) {
          *type = TK_HEX_NUM;
          return i + 1;
        }
        *type = TK_ILLEGAL;
        return i < t.size() ? i + 1 : i;
      }
      [[fallthrough]];
    case kCcIdent: {
      size_t n = ScanIdentChars(t, 1);
      *type = LookupKeyword(t.substr(0, n));
      return n;
    }
    case kCcDigit:
      if (t[0] == '0' && t.size() > 2 && t[1] == 'x' && IsHexDigit(t[2])) {
        size_t i = 2;
        while (i < t.size() && IsHexDigit(t[i])) i++;
        if (i == t.size() || !IsIdentChar(t[i])) {
          *type = TK_HEX_NUM;
          return i;
        }
        *type = TK_ID;  // 0x1g is an identifier
        return ScanIdentChars(t, i);
      }
      return ScanNumber(t, type);
    case kCcDot:
      if (t.size() > 1 && IsDigit(t[1])) return ScanNumber(t, type);
      *type = TK_DOT;
      return 1;
    case kCcQuote: {
      size_t n = ScanQuoted(t, /*backslash_escapes=*/true);
      *type = n ? TK_STRING : TK_ILLEGAL;
      return n ? n : t.size();
    }
    case kCcBacktick: {
      size_t n = ScanQuoted(t, /*backslash_escapes=*/false);
      *type = n > 2 ? TK_ID : TK_ILLEGAL;  // `` (empty name) is not allowed
      return n ? n : t.size();
    }
    case kCcMinus:
      // "--" starts a comment only when followed by a space or control character
      // (so that "1--1" is 1 - (-1)), or when it ends the text.
      if (t.size() > 1 && t[1] == '-' && (t.size() == 2 || ClassOf(t[2]) == kCcSpace)) {
        *type = TK_SKIPPED_COMMENT;
        return ToEndOfLine(t);
      }
      *type = TK_MINUS;
      return 1;
    case kCcHash:
      *type = TK_SKIPPED_COMMENT;
      return ToEndOfLine(t);
    case kCcSlash:
      if (t.size() > 1 && t[1] == '*') return ScanSlashStar(t, type);
      *type = TK_SLASH;
      return 1;
    case kCcOther:
      return ScanOperator(t, type);
  }
  *type = TK_ILLEGAL;
  return 1;
}

}  // namespace minisql::sql
