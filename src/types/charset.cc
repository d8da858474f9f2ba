// charset.cc — see charset.h for the sets and the cp1252 table.
#include "types/charset.h"

#include <array>
#include <cctype>

namespace minisql {
namespace {

// Code points of latin1 (cp1252) bytes 0x80..0x9F; every other byte is its own code point.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 0x88
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 0x98
};

struct KnownCollation {
  uint16_t id;
  CharacterSet set;
  const char* name;
};

// The collations minisql names; others in the ranges of CharacterSetOfCollation still
// select their set.
constexpr KnownCollation kKnownCollations[] = {
    {5, CharacterSet::kLatin1, "latin1_german1_ci"},
    {8, CharacterSet::kLatin1, "latin1_swedish_ci"},
    {11, CharacterSet::kAscii, "ascii_general_ci"},
    {15, CharacterSet::kLatin1, "latin1_danish_ci"},
    {31, CharacterSet::kLatin1, "latin1_german2_ci"},
    {33, CharacterSet::kUtf8mb3, "utf8mb3_general_ci"},
    {45, CharacterSet::kUtf8mb4, "utf8mb4_general_ci"},
    {46, CharacterSet::kUtf8mb4, "utf8mb4_bin"},
    {47, CharacterSet::kLatin1, "latin1_bin"},
    {48, CharacterSet::kLatin1, "latin1_general_ci"},
    {49, CharacterSet::kLatin1, "latin1_general_cs"},
    {63, CharacterSet::kBinary, "binary"},
    {65, CharacterSet::kAscii, "ascii_bin"},
    {76, CharacterSet::kUtf8mb3, "utf8mb3_tolower_ci"},
    {83, CharacterSet::kUtf8mb3, "utf8mb3_bin"},
    {94, CharacterSet::kLatin1, "latin1_spanish_ci"},
    {192, CharacterSet::kUtf8mb3, "utf8mb3_unicode_ci"},
    {223, CharacterSet::kUtf8mb3, "utf8mb3_general_mysql500_ci"},
    {224, CharacterSet::kUtf8mb4, "utf8mb4_unicode_ci"},
    {255, CharacterSet::kUtf8mb4, "utf8mb4_0900_ai_ci"},
};

/// Decodes one UTF-8 character at `text[*pos]` and advances past it. An invalid or
/// truncated sequence (overlong forms, surrogates and values beyond U+10FFFF included)
/// gives nullopt and advances one byte.
std::optional<char32_t> NextCodePoint(std::string_view text, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(*pos);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || *pos + length > text.size()) {
    ++*pos;
    return std::nullopt;
  }
  char32_t code_point = length == 1 ? lead : lead & (0xFF >> (length + 1));
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return std::nullopt;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kMinimum[length] || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    ++*pos;
    return std::nullopt;
  }
  *pos += length;
  return code_point;
}

/// The latin1 byte of a code point, or nullopt if cp1252 has none.
std::optional<unsigned char> Latin1Byte(char32_t code_point) {
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) {
    return static_cast<unsigned char>(code_point);
  }
  for (size_t i = 0; i < kCp1252High.size(); ++i) {
    if (kCp1252High[i] == code_point) return static_cast<unsigned char>(0x80 + i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<CharacterSet> CharacterSetOfCollation(uint16_t id) {
  for (const KnownCollation& known : kKnownCollations) {
    if (known.id == id) return known.set;
  }
  if ((id >= 192 && id <= 215) || id == 223) return CharacterSet::kUtf8mb3;
  if ((id >= 224 && id <= 247) || (id >= 255 && id <= 323)) return CharacterSet::kUtf8mb4;
  return std::nullopt;
}

std::string_view CollationName(uint16_t id) {
  for (const KnownCollation& known : kKnownCollations) {
    if (known.id == id) return known.name;
  }
  return "";
}

std::optional<CharacterSet> CharacterSetByName(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "utf8mb4") return CharacterSet::kUtf8mb4;
  if (lower == "utf8mb3" || lower == "utf8") return CharacterSet::kUtf8mb3;
  if (lower == "latin1") return CharacterSet::kLatin1;
  if (lower == "ascii") return CharacterSet::kAscii;
  if (lower == "binary") return CharacterSet::kBinary;
  return std::nullopt;
}

std::string_view CharacterSetName(CharacterSet set) {
  switch (set) {
    case CharacterSet::kUtf8mb4:
      return "utf8mb4";
    case CharacterSet::kUtf8mb3:
      return "utf8mb3";
    case CharacterSet::kLatin1:
      return "latin1";
    case CharacterSet::kAscii:
      return "ascii";
    case CharacterSet::kBinary:
      return "binary";
  }
  return "utf8mb4";
}

uint16_t DefaultCollationId(CharacterSet set) {
  switch (set) {
    case CharacterSet::kUtf8mb4:
      return 45;
    case CharacterSet::kUtf8mb3:
      return 33;
    case CharacterSet::kLatin1:
      return 8;
    case CharacterSet::kAscii:
      return 11;
    case CharacterSet::kBinary:
      return 63;
  }
  return 45;
}

std::string_view DefaultCollationName(CharacterSet set) {
  return CollationName(DefaultCollationId(set));
}

uint32_t MaxBytesPerChar(CharacterSet set) {
  switch (set) {
    case CharacterSet::kUtf8mb4:
      return 4;
    case CharacterSet::kUtf8mb3:
      return 3;
    default:
      return 1;
  }
}

bool ConversionNeeded(CharacterSet set) {
  return set == CharacterSet::kLatin1 || set == CharacterSet::kAscii ||
         set == CharacterSet::kUtf8mb3;
}

std::optional<std::string> ToUtf8(CharacterSet set, std::string_view bytes, size_t* bad_offset) {
  if (set != CharacterSet::kLatin1 && set != CharacterSet::kAscii) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else if (set == CharacterSet::kAscii) {
      if (bad_offset != nullptr) *bad_offset = i;
      return std::nullopt;
    } else {
      AppendUtf8(byte < 0xA0 ? kCp1252High[byte - 0x80] : byte, &out);
    }
  }
  return out;
}

std::string FromUtf8(CharacterSet set, std::string_view utf8) {
  if (!ConversionNeeded(set)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t start = pos;
    std::optional<char32_t> code_point = NextCodePoint(utf8, &pos);
    if (!code_point) {
      out.push_back('?');
      continue;
    }
    switch (set) {
      case CharacterSet::kUtf8mb3:
        if (*code_point > 0xFFFF) {
          out.push_back('?');
        } else {
          out.append(utf8.substr(start, pos - start));
        }
        break;
      case CharacterSet::kAscii:
        out.push_back(*code_point < 0x80 ? static_cast<char>(*code_point) : '?');
        break;
      default: {
        std::optional<unsigned char> byte = Latin1Byte(*code_point);
        out.push_back(byte ? static_cast<char>(*byte) : '?');
        break;
      }
    }
  }
  return out;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    if (!NextCodePoint(text, &pos)) return start;
  }
  return std::string_view::npos;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    if (NextCodePoint(text, &pos)) {
      out.append(text.substr(start, pos - start));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

}  // namespace minisql
