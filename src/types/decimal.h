// decimal.h — exact fixed-point numbers for DECIMAL(p,s) columns and MySQL's exact
// arithmetic (SUM and AVG of integers, the `/` operator).
//
// A Decimal is an unscaled 128-bit integer and a scale: 12.50 is {1250, 2}. That holds
// 38 significant digits, enough for DECIMAL(38,s); MySQL allows 65, and wider values
// answer ER_DATA_OUT_OF_RANGE rather than losing digits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace minisql {

class Decimal {
 public:
  static constexpr int kMaxPrecision = 38;
  static constexpr int kMaxScale = 30;

  Decimal() = default;
  Decimal(__int128 unscaled, uint8_t scale) : unscaled_(unscaled), scale_(scale) {}
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }
  /// Parses "-12.50", "3", ".5", "1e3"; nullopt if not a number or too wide.
  static std::optional<Decimal> Parse(std::string_view text);

  __int128 unscaled() const { return unscaled_; }
  uint8_t scale() const { return scale_; }

  /// Exactly `scale` digits after the point: Decimal(15, 1).ToString() == "1.5".
  std::string ToString() const;
  double ToDouble() const;
  /// Rounded half away from zero to an integer (MySQL's rounding for DECIMAL -> INT).
  std::optional<int64_t> ToInt64() const;
  /// The same value with `scale` digits, rounding half away from zero when shortening.
  Decimal Rescale(uint8_t scale) const;

  /// Arithmetic; nullopt on overflow (the caller reports ER_DATA_OUT_OF_RANGE)
  /// or, for Div, division by zero (MySQL gives NULL).
  static std::optional<Decimal> Add(const Decimal& a, const Decimal& b);
  static std::optional<Decimal> Sub(const Decimal& a, const Decimal& b);
  static std::optional<Decimal> Mul(const Decimal& a, const Decimal& b);
  /// a / b with `result_scale` digits after the point (MySQL: scale(a) + 4).
  static std::optional<Decimal> Div(const Decimal& a, const Decimal& b, uint8_t result_scale);
  /// <0, 0, >0 like strcmp; compares values, not representations (1.0 == 1).
  static int Compare(const Decimal& a, const Decimal& b);

 private:
  __int128 unscaled_ = 0;
  uint8_t scale_ = 0;
};

}  // namespace minisql
