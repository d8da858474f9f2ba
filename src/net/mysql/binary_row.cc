// binary_row.cc — see binary_row.h for the row layout.
#include "net/mysql/binary_row.h"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "net/mysql/wire_codec.h"

namespace minisql::net {

namespace {

Status CannotEncode(const ResultColumn& column, const Value& value) {
  return Status::Error(ErrorCode::kInternalError, "value '" + value.ToText() +
                                                      "' does not fit the binary type of column '" +
                                                      column.name + "'");
}

// Whole-string numeric parses (no trailing garbage).
std::optional<int64_t> ParseSigned(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

std::optional<uint64_t> ParseUnsigned(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return std::nullopt;
  return v;
}

// The integer bits of `value` for an integer column (two's complement when signed).
std::optional<uint64_t> IntegerBits(const Value& value, bool is_unsigned) {
  switch (value.kind()) {
    // A value the column's signedness cannot show would reach the client as another
    // number (2^64-1 as -1): refuse it instead of sending a wrong answer.
    case Value::Kind::kInt:
      if (is_unsigned && value.int_value() < 0) return std::nullopt;
      return static_cast<uint64_t>(value.int_value());
    case Value::Kind::kUInt:
      if (!is_unsigned && value.uint_value() > uint64_t{INT64_MAX}) return std::nullopt;
      return value.uint_value();
    case Value::Kind::kDouble: {
      double d = std::nearbyint(value.double_value());
      if (!std::isfinite(d) || d < -9.3e18 || d > 1.8e19) return std::nullopt;
      if (d < 0) return static_cast<uint64_t>(static_cast<int64_t>(d));
      return static_cast<uint64_t>(d);
    }
    default: {
      std::string text = value.ToText();
      if (is_unsigned) {
        if (std::optional<uint64_t> u = ParseUnsigned(text)) return u;
      }
      if (std::optional<int64_t> s = ParseSigned(text)) return static_cast<uint64_t>(*s);
      // "3.00" (a DECIMAL with a scale): round like MySQL does when it converts.
      std::optional<double> d = ParseDouble(text);
      if (!d) return std::nullopt;
      return IntegerBits(Value::Double(*d), is_unsigned);
    }
  }
}

std::optional<double> DoubleOf(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kInt:
      return static_cast<double>(value.int_value());
    case Value::Kind::kUInt:
      return static_cast<double>(value.uint_value());
    case Value::Kind::kDouble:
      return value.double_value();
    default:
      return ParseDouble(value.ToText());
  }
}

// Reads an unsigned decimal number of at most `max_digits` digits from text[*pos].
std::optional<uint64_t> ReadNumber(const std::string& text, size_t* pos, size_t max_digits) {
  size_t start = *pos;
  uint64_t v = 0;
  while (*pos < text.size() && *pos - start < max_digits && text[*pos] >= '0' &&
         text[*pos] <= '9') {
    v = v * 10 + static_cast<uint64_t>(text[*pos] - '0');
    ++*pos;
  }
  if (*pos == start) return std::nullopt;
  return v;
}

bool Expect(const std::string& text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

// ".ffffff" (1 to 6 digits) at text[*pos], if present, as microseconds.
std::optional<uint32_t> ReadFraction(const std::string& text, size_t* pos) {
  if (*pos == text.size()) return 0;
  if (!Expect(text, pos, '.')) return std::nullopt;
  size_t start = *pos;
  std::optional<uint64_t> digits = ReadNumber(text, pos, 6);
  if (!digits) return std::nullopt;
  uint64_t micro = *digits;
  for (size_t n = *pos - start; n < 6; ++n) micro *= 10;
  return static_cast<uint32_t>(micro);
}

// 'YYYY-MM-DD[ hh:mm:ss[.ffffff]]' as the binary DATE/DATETIME value.
bool AppendDateTime(std::string* out, const std::string& text) {
  size_t pos = 0;
  std::optional<uint64_t> year = ReadNumber(text, &pos, 4);
  std::optional<uint64_t> month, day, hour = 0, minute = 0, second = 0;
  if (year && Expect(text, &pos, '-')) month = ReadNumber(text, &pos, 2);
  if (month && Expect(text, &pos, '-')) day = ReadNumber(text, &pos, 2);
  if (!day) return false;
  std::optional<uint32_t> micro = 0;
  if (pos < text.size()) {
    if (!Expect(text, &pos, ' ') && !Expect(text, &pos, 'T')) return false;
    hour = ReadNumber(text, &pos, 2);
    if (hour && Expect(text, &pos, ':')) minute = ReadNumber(text, &pos, 2);
    if (minute && Expect(text, &pos, ':')) second = ReadNumber(text, &pos, 2);
    if (!second) return false;
    micro = ReadFraction(text, &pos);
    if (!micro || pos != text.size()) return false;
  }
  // The shortest form that holds the value, as MySQL sends it.
  uint8_t length = *micro != 0                        ? 11
                   : (*hour | *minute | *second) != 0 ? 7
                   : (*year | *month | *day) != 0     ? 4
                                                      : 0;
  AppendInt1(out, length);
  if (length >= 4) {
    AppendInt2(out, static_cast<uint16_t>(*year));
    AppendInt1(out, static_cast<uint8_t>(*month));
    AppendInt1(out, static_cast<uint8_t>(*day));
  }
  if (length >= 7) {
    AppendInt1(out, static_cast<uint8_t>(*hour));
    AppendInt1(out, static_cast<uint8_t>(*minute));
    AppendInt1(out, static_cast<uint8_t>(*second));
  }
  if (length == 11) AppendInt4(out, *micro);
  return true;
}

// '[-]hhh:mm:ss[.ffffff]' as the binary TIME value.
bool AppendTime(std::string* out, const std::string& text) {
  size_t pos = 0;
  bool negative = Expect(text, &pos, '-');
  std::optional<uint64_t> hours = ReadNumber(text, &pos, 9);
  std::optional<uint64_t> minute, second;
  if (hours && Expect(text, &pos, ':')) minute = ReadNumber(text, &pos, 2);
  if (minute && Expect(text, &pos, ':')) second = ReadNumber(text, &pos, 2);
  if (!second) return false;
  std::optional<uint32_t> micro = ReadFraction(text, &pos);
  if (!micro || pos != text.size()) return false;
  uint8_t length = *micro != 0 ? 12 : (*hours | *minute | *second) != 0 ? 8 : 0;
  AppendInt1(out, length);
  if (length >= 8) {
    AppendInt1(out, negative ? 1 : 0);
    AppendInt4(out, static_cast<uint32_t>(*hours / 24));
    AppendInt1(out, static_cast<uint8_t>(*hours % 24));
    AppendInt1(out, static_cast<uint8_t>(*minute));
    AppendInt1(out, static_cast<uint8_t>(*second));
  }
  if (length == 12) AppendInt4(out, *micro);
  return true;
}

Status AppendValue(std::string* out, const ResultColumn& column, const Value& value) {
  bool is_unsigned = (column.flags & kUnsignedFlag) != 0;
  size_t integer_width = 0;
  switch (column.type) {
    case FieldType::kLongLong:
      integer_width = 8;
      break;
    case FieldType::kLong:
    case FieldType::kInt24:
      integer_width = 4;
      break;
    case FieldType::kShort:
    case FieldType::kYear:
      integer_width = 2;
      break;
    case FieldType::kTiny:
      integer_width = 1;
      break;
    case FieldType::kDouble:
    case FieldType::kFloat: {
      std::optional<double> d = DoubleOf(value);
      if (!d) return CannotEncode(column, value);
      // -0.0 prints as "0" in a text row (and MariaDB sends +0.0): the same value
      // must reach the client over both protocols.
      if (*d == 0) d = 0.0;
      if (column.type == FieldType::kDouble) {
        AppendInt8(out, std::bit_cast<uint64_t>(*d));
      } else {
        AppendInt4(out, std::bit_cast<uint32_t>(static_cast<float>(*d)));
      }
      return Status::OK();
    }
    case FieldType::kDate:
    case FieldType::kDateTime:
    case FieldType::kTimestamp:
      return AppendDateTime(out, value.ToText()) ? Status::OK() : CannotEncode(column, value);
    case FieldType::kTime:
      return AppendTime(out, value.ToText()) ? Status::OK() : CannotEncode(column, value);
    case FieldType::kNull:
      return CannotEncode(column, value);  // a NULL-typed column carries no bytes at all
    default:
      AppendLenencString(out, value.ToText());
      return Status::OK();
  }
  std::optional<uint64_t> bits = IntegerBits(value, is_unsigned);
  if (!bits) return CannotEncode(column, value);
  for (size_t i = 0; i < integer_width; ++i) {
    out->push_back(static_cast<char>((*bits >> (8 * i)) & 0xff));
  }
  return Status::OK();
}

}  // namespace

Result<std::string> EncodeBinaryRow(const std::vector<ResultColumn>& columns, const Row& row) {
  if (row.size() != columns.size()) {
    return Status::Error(ErrorCode::kInternalError, "row width differs from column count");
  }
  std::string out;
  out.push_back('\0');
  size_t bitmap_at = out.size();
  out.append((columns.size() + 7 + 2) / 8, '\0');
  for (size_t i = 0; i < columns.size(); ++i) {
    if (row[i].is_null()) {
      out[bitmap_at + (i + 2) / 8] |= static_cast<char>(1 << ((i + 2) % 8));
      continue;
    }
    MINISQL_RETURN_IF_ERROR(AppendValue(&out, columns[i], row[i]));
  }
  return out;
}

}  // namespace minisql::net
