// charset.h — the character sets a MySQL client may speak, and the conversions between
// them and UTF-8, the only encoding minisql stores and computes with.
//
// A client announces its character set as a collation id (the handshake's character set
// byte, COM_CHANGE_USER's int<2>) or by name (SET NAMES, SET character_set_client). The
// session layer turns that into a CharacterSet (session/client_charset.h); the MySQL
// front end converts query text from the client's set to UTF-8 and result text from
// UTF-8 to the results set (net/mysql/). Nothing below the session ever sees anything
// but UTF-8.
//
//   set       collation ids (→ default)          max bytes/char  client → UTF-8
//   utf8mb4   45 46 224-247 255-323 (45)         4               unchanged
//   utf8mb3   33 76 83 192-215 223 (33)          3               unchanged
//   latin1    5 8 15 31 47 48 49 94 (8)          1               table below
//   ascii     11 65 (11)                         1               bytes >= 0x80 invalid
//   binary    63 (63)                            1               unchanged
//
// MySQL's latin1 is Windows code page 1252, not ISO 8859-1: bytes 0x00-0x7F and
// 0xA0-0xFF are the code points of the same number, and 0x80-0x9F are (code point in hex;
// the five bytes cp1252 leaves undefined map to the C1 control of the same number, as
// in MySQL, so every byte round-trips):
//
//        +0     +1     +2     +3     +4     +5     +6     +7
//   0x80 20AC € 0081   201A ‚ 0192 ƒ 201E „ 2026 … 2020 † 2021 ‡
//   0x88 02C6 ˆ 2030 ‰ 0160 Š 2039 ‹ 0152 Œ 008D   017D Ž 008F
//   0x90 0090   2018 ‘ 2019 ’ 201C “ 201D ” 2022 • 2013 – 2014 —
//   0x98 02DC ˜ 2122 ™ 0161 š 203A › 0153 œ 009D   017E ž 0178 Ÿ
//
// From UTF-8 to a smaller set, a character the set cannot hold becomes '?', as MySQL
// does (so does a byte that is not valid UTF-8); utf8mb3 cannot hold characters beyond
// U+FFFF (4-byte sequences).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace minisql {

enum class CharacterSet : uint8_t { kUtf8mb4, kUtf8mb3, kLatin1, kAscii, kBinary };

/// The server default (character_set_server, and what an unknown collation id means).
inline constexpr CharacterSet kServerCharacterSet = CharacterSet::kUtf8mb4;

/// The set of a MySQL collation id; nullopt for an id minisql does not know.
std::optional<CharacterSet> CharacterSetOfCollation(uint16_t collation_id);
/// The name of a known collation id ("latin1_swedish_ci"), else "".
std::string_view CollationName(uint16_t collation_id);
/// The set named `name` (case-insensitive; utf8 is utf8mb3); nullopt if unknown.
std::optional<CharacterSet> CharacterSetByName(std::string_view name);
/// "utf8mb4", "utf8mb3", "latin1", "ascii", "binary".
std::string_view CharacterSetName(CharacterSet set);
/// The default collation of a set: its id (45, 33, 8, 11, 63) and its name.
uint16_t DefaultCollationId(CharacterSet set);
std::string_view DefaultCollationName(CharacterSet set);
/// mbmaxlen: the most bytes one character takes in the set.
uint32_t MaxBytesPerChar(CharacterSet set);

/// Text in `set` as UTF-8. nullopt if `bytes` hold a byte that is not a character of
/// the set (only ascii has such bytes: >= 0x80); `bad_offset`, if given, receives its
/// position. utf8mb4, utf8mb3 and binary come back unchanged (validating UTF-8 is the
/// column's business, not the wire's).
std::optional<std::string> ToUtf8(CharacterSet set, std::string_view bytes,
                                  size_t* bad_offset = nullptr);
/// UTF-8 text in `set`: '?' for each character the set cannot hold and for each byte
/// that is not valid UTF-8. utf8mb4 and binary come back unchanged.
std::string FromUtf8(CharacterSet set, std::string_view utf8);
/// Appends `code_point` encoded as UTF-8 (1 to 4 bytes).
void AppendUtf8(char32_t code_point, std::string* out);
/// Where `text` stops being valid UTF-8 (the first byte of the first bad sequence:
/// overlong forms, surrogates and code points beyond U+10FFFF are bad too), or
/// std::string_view::npos if all of it is valid. A text column stores only valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);
/// `text` with each byte that does not begin a valid UTF-8 character replaced by '?'
/// (what MySQL stores for such bytes when it only warns).
std::string ReplaceInvalidUtf8(std::string_view text);
/// True if ToUtf8/FromUtf8 may change bytes in `set` (latin1, ascii; utf8mb3 outgoing).
bool ConversionNeeded(CharacterSet set);

}  // namespace minisql
