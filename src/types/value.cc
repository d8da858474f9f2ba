// value.cc — the text form of a Value (what the MySQL text protocol sends) and
// bit-identity.
//
// DOUBLE rendering follows MariaDB: the shortest digit string that reads back as the
// same double (std::to_chars gives it), written in plain positional notation when the
// decimal exponent e of d.ddd x 10^e lies in [-15, 14], and as "<digits>e<exp>"
// otherwise, with no '+' and no leading zeros in the exponent:
//
//   1.5        -> "1.5"            1e14   -> "100000000000000"
//   0.1+0.2    -> "0.30000000000000004"
//   1e15       -> "1e15"           1e-15  -> "0.000000000000001"
//   1.234e-16  -> "1.234e-16"      -0.0   -> "0"
//
// (Checked against MariaDB 10.11's `SELECT 1e14, 1e15, 1e-15, 1e-16 ...`.)
#include "types/value.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace minisql {
namespace {

constexpr int kMinPlainExponent = -15;
constexpr int kMaxPlainExponent = 14;

// Lays out `v` in MySQL's style from its significant digits: all of the shortest
// round-trip ones (significant = 0), or that many, rounded, trailing zeros dropped.
std::string FormatSignificant(double v, int significant) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == 0) return "0";  // also -0.0: MariaDB prints "0"

  // The digits in scientific form: "-1.2345e+17".
  char buf[64];
  auto [end, ec] = significant == 0
                       ? std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific)
                       : std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific,
                                       significant - 1);
  std::string sci(buf, end);
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e_pos = sci.find('e');
  int exponent = std::atoi(sci.c_str() + e_pos + 1);
  std::string digits;
  for (size_t i = 0; i < e_pos; ++i) {
    if (sci[i] != '.') digits.push_back(sci[i]);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

  std::string out = negative ? "-" : "";
  if (exponent < kMinPlainExponent || exponent > kMaxPlainExponent) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += std::to_string(exponent);
    return out;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out += digits;
    return out;
  }
  size_t int_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= int_digits) {
    out += digits;
    out.append(int_digits - digits.size(), '0');
  } else {
    out += digits.substr(0, int_digits);
    out += '.';
    out += digits.substr(int_digits);
  }
  return out;
}

}  // namespace

std::string FormatDouble(double v) {
  return FormatSignificant(v, 0);
}

std::string FormatFloat(double v) {
  return FormatSignificant(v, 6);
}

std::string Value::ToText() const {
  switch (kind()) {
    case Kind::kNull:
      return "NULL";  // callers send NULL as the 0xfb marker; this is for diagnostics
    case Kind::kInt:
      return std::to_string(int_value());
    case Kind::kUInt:
      return std::to_string(uint_value());
    case Kind::kDouble:
      return FormatDouble(double_value());
    case Kind::kDecimal:
      return decimal_value().ToString();
    case Kind::kString:
      return string_value();
  }
  return "";
}

bool Value::IdenticalTo(const Value& other) const {
  if (kind() != other.kind()) return false;
  switch (kind()) {
    case Kind::kNull:
      return true;
    case Kind::kInt:
      return int_value() == other.int_value();
    case Kind::kUInt:
      return uint_value() == other.uint_value();
    case Kind::kDouble: {
      double a = double_value();
      double b = other.double_value();
      return std::memcmp(&a, &b, sizeof(double)) == 0;
    }
    case Kind::kDecimal:
      return decimal_value().unscaled() == other.decimal_value().unscaled() &&
             decimal_value().scale() == other.decimal_value().scale();
    case Kind::kString:
      return string_value() == other.string_value();
  }
  return false;
}

}  // namespace minisql
