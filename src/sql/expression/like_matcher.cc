// like_matcher.cc — LIKE matching (see like_matcher.h).
//
// The pattern is first compiled into tokens (literal character / any-one / any-run),
// then matched with the classic two-pointer algorithm: on a mismatch after a '%', retry
// with that '%' swallowing one more character. It never recurses, so a hostile pattern
// cannot exhaust the stack, and the work is bounded by |text| x |pattern|.
#include "sql/expression/like_matcher.h"

#include <vector>

#include "sql/expression/collation.h"

namespace minisql::sql {
namespace {

struct Token {
  enum class Kind { kLiteral, kAnyOne, kAnyRun } kind;
  char32_t weight = 0;  // collation weight, for literals
};

// Under the binary collation a byte is a character and weighs itself.
char32_t Weight(char32_t c, bool binary) {
  return binary ? c : CollationWeight(c);
}

std::vector<char32_t> Characters(std::string_view s, bool binary) {
  if (!binary) return DecodeUtf8(s);
  return std::vector<char32_t>(reinterpret_cast<const unsigned char*>(s.data()),
                               reinterpret_cast<const unsigned char*>(s.data()) + s.size());
}

std::vector<Token> Compile(const std::vector<char32_t>& pattern, std::optional<char32_t> escape,
                           bool binary) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char32_t c = pattern[i];
    if (escape && c == *escape && i + 1 < pattern.size()) {
      tokens.push_back({Token::Kind::kLiteral, Weight(pattern[++i], binary)});
    } else if (c == '%') {
      // Consecutive '%' behave as one.
      if (tokens.empty() || tokens.back().kind != Token::Kind::kAnyRun) {
        tokens.push_back({Token::Kind::kAnyRun, 0});
      }
    } else if (c == '_') {
      tokens.push_back({Token::Kind::kAnyOne, 0});
    } else {
      tokens.push_back({Token::Kind::kLiteral, Weight(c, binary)});
    }
  }
  return tokens;
}

}  // namespace

bool LikeMatch(std::string_view text, std::string_view pattern, std::optional<char32_t> escape,
               bool binary) {
  std::vector<Token> tokens = Compile(Characters(pattern, binary), escape, binary);
  std::vector<char32_t> chars = Characters(text, binary);
  size_t t = 0;  // position in chars
  size_t p = 0;  // position in tokens
  size_t star_p = SIZE_MAX;
  size_t star_t = 0;
  while (t < chars.size()) {
    if (p < tokens.size() && tokens[p].kind == Token::Kind::kAnyRun) {
      star_p = p++;
      star_t = t;
    } else if (p < tokens.size() && (tokens[p].kind == Token::Kind::kAnyOne ||
                                     tokens[p].weight == Weight(chars[t], binary))) {
      ++p;
      ++t;
    } else if (star_p != SIZE_MAX) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < tokens.size() && tokens[p].kind == Token::Kind::kAnyRun) ++p;
  return p == tokens.size();
}

}  // namespace minisql::sql
