// decimal.cc — exact fixed-point arithmetic on {unscaled __int128, scale}.
//
// Every operation keeps |unscaled| < 10^38 (kMaxPrecision digits); a result that would
// need more digits is an overflow and comes back as nullopt so that the SQL layer can
// answer ER_DATA_OUT_OF_RANGE instead of silently losing digits. Intermediate products
// use the compiler's checked __int128 arithmetic (__builtin_*_overflow).
//
// Rounding is MySQL's ROUND_HALF_UP for DECIMAL: half away from zero (2.5 -> 3,
// -2.5 -> -3).
#include "types/decimal.h"

#include <cstdlib>

namespace minisql {
namespace {

using u128 = unsigned __int128;

/// 10^n for n in [0, 38]; 10^38 < 2^127 so every entry fits in a signed __int128.
constexpr __int128 Pow10(int n) {
  // Scales above 38 only come from malformed input (the invariant is scale <= 30);
  // clamping keeps the arithmetic defined instead of overflowing.
  if (n > Decimal::kMaxPrecision) n = Decimal::kMaxPrecision;
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

constexpr __int128 kLimit = Pow10(Decimal::kMaxPrecision);  // first value that does not fit

bool Fits(__int128 v) {
  return v > -kLimit && v < kLimit;
}

/// v * 10^n, nullopt if the product leaves the 38-digit range.
std::optional<__int128> ScaleUp(__int128 v, int n) {
  if (n > Decimal::kMaxPrecision) return v == 0 ? std::optional<__int128>(0) : std::nullopt;
  __int128 out;
  if (__builtin_mul_overflow(v, Pow10(n), &out) || !Fits(out)) return std::nullopt;
  return out;
}

/// num / den rounded half away from zero (den != 0).
__int128 DivRound(__int128 num, __int128 den) {
  __int128 q = num / den;
  __int128 r = num % den;
  u128 abs_r = r < 0 ? -static_cast<u128>(r) : static_cast<u128>(r);
  u128 abs_den = den < 0 ? -static_cast<u128>(den) : static_cast<u128>(den);
  if (abs_r >= abs_den - abs_r) q += ((num < 0) != (den < 0)) ? -1 : 1;
  return q;
}

/// Brings a and b to the same (larger) scale; false on overflow.
bool Align(const Decimal& a, const Decimal& b, __int128* ua, __int128* ub, uint8_t* scale) {
  *scale = a.scale() > b.scale() ? a.scale() : b.scale();
  auto sa = ScaleUp(a.unscaled(), *scale - a.scale());
  auto sb = ScaleUp(b.unscaled(), *scale - b.scale());
  if (!sa || !sb) return false;
  *ua = *sa;
  *ub = *sb;
  return true;
}

}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  // Collect the significant digits and where the point falls among them.
  std::string digits;
  int point = -1;  // number of digits before the point, once seen
  bool any_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (digits.empty() && c == '0' && point < 0) continue;  // leading zero
      digits.push_back(c);
    } else if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;
  if (point < 0) point = static_cast<int>(digits.size());
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      if (exponent < 10000) exponent = exponent * 10 + (text[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;

  // value = 0.digits * 10^(point + exponent) ... expressed as digits with `scale`
  // digits after the point.
  int scale = static_cast<int>(digits.size()) - point - exponent;
  if (scale < 0) {
    if (digits.empty()) scale = 0;
    while (scale < 0) {
      digits.push_back('0');
      ++scale;
    }
  }
  // Too many fraction digits: round at kMaxScale.
  bool round_up = false;
  if (scale > kMaxScale) {
    int drop = scale - kMaxScale;
    if (drop > static_cast<int>(digits.size())) {
      digits.clear();
    } else {
      round_up = digits[digits.size() - drop] >= '5';
      digits.resize(digits.size() - drop);
    }
    scale = kMaxScale;
  }
  size_t first = digits.find_first_not_of('0');
  if (first != std::string::npos && digits.size() - first > static_cast<size_t>(kMaxPrecision)) {
    return std::nullopt;
  }
  __int128 unscaled = 0;
  for (char c : digits) unscaled = unscaled * 10 + (c - '0');
  if (round_up) unscaled += 1;
  if (!Fits(unscaled)) return std::nullopt;
  return Decimal(negative ? -unscaled : unscaled, static_cast<uint8_t>(scale));
}

std::string Decimal::ToString() const {
  u128 magnitude = unscaled_ < 0 ? -static_cast<u128>(unscaled_) : static_cast<u128>(unscaled_);
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  // At least one digit before the point.
  while (digits.size() < static_cast<size_t>(scale_) + 1) digits.insert(digits.begin(), '0');
  std::string out = unscaled_ < 0 ? "-" : "";
  out += digits.substr(0, digits.size() - scale_);
  if (scale_ > 0) {
    out += '.';
    out += digits.substr(digits.size() - scale_);
  }
  return out;
}

double Decimal::ToDouble() const {
  // strtod rounds correctly; going through the text keeps that guarantee.
  std::string text = ToString();
  return std::strtod(text.c_str(), nullptr);
}

std::optional<int64_t> Decimal::ToInt64() const {
  __int128 whole = scale_ == 0 ? unscaled_ : DivRound(unscaled_, Pow10(scale_));
  if (whole < INT64_MIN || whole > INT64_MAX) return std::nullopt;
  return static_cast<int64_t>(whole);
}

Decimal Decimal::Rescale(uint8_t scale) const {
  if (scale == scale_) return *this;
  if (scale < scale_) {
    if (scale_ - scale > kMaxPrecision) return Decimal(0, scale);  // every digit is dropped
    return Decimal(DivRound(unscaled_, Pow10(scale_ - scale)), scale);
  }
  auto up = ScaleUp(unscaled_, scale - scale_);
  if (up) return Decimal(*up, scale);
  // Does not fit in 38 digits: saturate at the largest representable value, as MySQL
  // clips out-of-range DECIMAL values.
  __int128 max = kLimit - 1;
  return Decimal(unscaled_ < 0 ? -max : max, scale);
}

std::optional<Decimal> Decimal::Add(const Decimal& a, const Decimal& b) {
  __int128 ua, ub, sum;
  uint8_t scale;
  if (!Align(a, b, &ua, &ub, &scale)) return std::nullopt;
  if (__builtin_add_overflow(ua, ub, &sum) || !Fits(sum)) return std::nullopt;
  return Decimal(sum, scale);
}

std::optional<Decimal> Decimal::Sub(const Decimal& a, const Decimal& b) {
  return Add(a, Decimal(-b.unscaled(), b.scale()));
}

std::optional<Decimal> Decimal::Mul(const Decimal& a, const Decimal& b) {
  __int128 product;
  if (__builtin_mul_overflow(a.unscaled(), b.unscaled(), &product)) return std::nullopt;
  int scale = a.scale() + b.scale();
  if (scale > kMaxScale) {
    product = DivRound(product, Pow10(scale - kMaxScale));
    scale = kMaxScale;
  }
  if (!Fits(product)) return std::nullopt;
  return Decimal(product, static_cast<uint8_t>(scale));
}

std::optional<Decimal> Decimal::Div(const Decimal& a, const Decimal& b, uint8_t result_scale) {
  if (b.unscaled() == 0) return std::nullopt;
  // a/b * 10^rs = (ua * 10^(rs + sb - sa)) / ub
  int shift = result_scale + b.scale() - a.scale();
  __int128 num = a.unscaled();
  __int128 den = b.unscaled();
  if (shift >= 0) {
    auto scaled = ScaleUp(num, shift);
    if (!scaled) return std::nullopt;
    num = *scaled;
  } else {
    auto scaled = ScaleUp(den, -shift);
    if (!scaled) return Decimal(0, result_scale);  // |a/b| is below the last digit
    den = *scaled;
  }
  __int128 q = DivRound(num, den);
  if (!Fits(q)) return std::nullopt;
  return Decimal(q, result_scale);
}

int Decimal::Compare(const Decimal& a, const Decimal& b) {
  // Integer parts first, then the fractions at a common scale: never overflows.
  __int128 ia = a.unscaled() / Pow10(a.scale());
  __int128 ib = b.unscaled() / Pow10(b.scale());
  if (ia != ib) return ia < ib ? -1 : 1;
  int scale = a.scale() > b.scale() ? a.scale() : b.scale();
  __int128 fa = (a.unscaled() % Pow10(a.scale())) * Pow10(scale - a.scale());
  __int128 fb = (b.unscaled() % Pow10(b.scale())) * Pow10(scale - b.scale());
  if (fa == fb) return 0;
  return fa < fb ? -1 : 1;
}

}  // namespace minisql
