// collation.cc — utf8mb4_general_ci weights and UTF-8 decoding (see collation.h).
#include "sql/expression/collation.h"

#include "types/charset.h"

namespace minisql::sql {
namespace {

/// Base letters of U+00C0..U+00FF under general_ci (upper case; 0 = keep the
/// upper-cased code point). Index = code point - 0xC0.
constexpr char kLatin1Base[64] = {
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',  // C0-CF
    0,   'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   0,    // D0-DF
    'A', 'A', 'A', 'A', 'A', 'A', 0,   'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',  // E0-EF
    0,   'N', 'O', 'O', 'O', 'O', 'O', 0,   'O', 'U', 'U', 'U', 'U', 'Y', 0,   'Y',  // F0-FF
};

}  // namespace

std::vector<char32_t> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80           ? 0
                : (b >> 5) == 0x6  ? 1
                : (b >> 4) == 0xE  ? 2
                : (b >> 3) == 0x1E ? 3
                                   : -1;
    bool valid = extra >= 0 && i + extra < s.size();
    char32_t c = extra > 0 ? (b & (0x3F >> extra)) : b;
    for (int k = 1; valid && k <= extra; ++k) {
      unsigned char cont = static_cast<unsigned char>(s[i + k]);
      if ((cont & 0xC0) != 0x80) valid = false;
      c = (c << 6) | (cont & 0x3F);
    }
    if (!valid) {
      out.push_back(b);
      ++i;
      continue;
    }
    out.push_back(c);
    i += extra + 1;
  }
  return out;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

size_t Utf8Offset(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return i;
}

char32_t ToUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;  // Latin-1 letters
  if (c == 0xFF) return 0x178;
  if (c == 0x138 || c == 0x149 || c == 0x17F) return c;  // no case partner
  if (c >= 0x100 && c <= 0x17F) {                        // Latin Extended-A: upper/lower pairs
    bool pairs_from_even = (c < 0x138) || (c > 0x148 && c < 0x178);
    if (pairs_from_even ? (c % 2 == 1) : (c % 2 == 0 && c != 0x178)) return c - 1;
    return c;
  }
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;  // Greek
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;                // Cyrillic
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
  if (c >= 0x100 && c <= 0x17F) {
    bool pairs_from_even = (c < 0x138) || (c > 0x148 && c < 0x178);
    if (pairs_from_even ? (c % 2 == 0) : (c % 2 == 1 && c != 0x17F)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

std::string ToUpperUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(ToUpper(c), &out);
  return out;
}

std::string ToLowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : DecodeUtf8(s)) AppendUtf8(ToLower(c), &out);
  return out;
}

char32_t CollationWeight(char32_t c) {
  if (c >= 0xC0 && c <= 0xFF && kLatin1Base[c - 0xC0] != 0) {
    return static_cast<char32_t>(kLatin1Base[c - 0xC0]);
  }
  return ToUpper(c);
}

int CompareCaseInsensitive(std::string_view a, std::string_view b) {
  // PAD SPACE: trailing spaces do not take part.
  while (!a.empty() && a.back() == ' ') a.remove_suffix(1);
  while (!b.empty() && b.back() == ' ') b.remove_suffix(1);
  // Fast path: pure ASCII on both sides needs no decoding.
  size_t n = a.size() < b.size() ? a.size() : b.size();
  size_t i = 0;
  for (; i < n; ++i) {
    unsigned char ca = static_cast<unsigned char>(a[i]);
    unsigned char cb = static_cast<unsigned char>(b[i]);
    if (ca >= 0x80 || cb >= 0x80) break;
    char32_t wa = CollationWeight(ca);
    char32_t wb = CollationWeight(cb);
    if (wa != wb) return wa < wb ? -1 : 1;
  }
  if (i == n && a.size() == b.size()) return 0;
  std::vector<char32_t> ua = DecodeUtf8(a.substr(i));
  std::vector<char32_t> ub = DecodeUtf8(b.substr(i));
  size_t m = ua.size() < ub.size() ? ua.size() : ub.size();
  for (size_t k = 0; k < m; ++k) {
    char32_t wa = CollationWeight(ua[k]);
    char32_t wb = CollationWeight(ub[k]);
    if (wa != wb) return wa < wb ? -1 : 1;
  }
  // The shorter string is padded with spaces: compare the rest of the longer one to ' '.
  const std::vector<char32_t>& longer = ua.size() > ub.size() ? ua : ub;
  int sign = ua.size() > ub.size() ? 1 : -1;
  for (size_t k = m; k < longer.size(); ++k) {
    char32_t w = CollationWeight(longer[k]);
    if (w != ' ') return w > ' ' ? sign : -sign;
  }
  return 0;
}

}  // namespace minisql::sql
