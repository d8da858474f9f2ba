// collation.h — the default collation, utf8mb4_general_ci, and UTF-8 helpers.
//
// utf8mb4_general_ci compares strings character by character after mapping each
// character to a weight: letters fold to upper case and the accented Latin-1 letters
// fold to their base letter ('é' = 'E'), and trailing spaces do not count (PAD SPACE:
// 'a' = 'a  '). We implement the folding for ASCII, Latin-1, Latin Extended-A (case
// only), Greek and Cyrillic; other characters weigh their code point.
//
// UPPER()/LOWER() and LIKE share the same case mapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace minisql::sql {

/// Decodes UTF-8 into code points; invalid bytes decode as themselves (0x80..0xFF)
/// so that arbitrary binary strings still compare deterministically.
std::vector<char32_t> DecodeUtf8(std::string_view s);
// Encoding is types/charset.h's AppendUtf8.
/// Number of characters (code points) in a UTF-8 string.
size_t Utf8Length(std::string_view s);
/// Byte offset of the `n`-th character (s.size() when past the end).
size_t Utf8Offset(std::string_view s, size_t n);

char32_t ToUpper(char32_t c);
char32_t ToLower(char32_t c);
std::string ToUpperUtf8(std::string_view s);
std::string ToLowerUtf8(std::string_view s);

/// The general_ci weight of one character (upper case, accents removed for Latin-1).
char32_t CollationWeight(char32_t c);
/// <0, 0, >0 under utf8mb4_general_ci (PAD SPACE).
int CompareCaseInsensitive(std::string_view a, std::string_view b);

}  // namespace minisql::sql
