// value_order.cc — see value_order.h.
#include "sql/executor/value_order.h"

#include <cctype>
#include <cstdlib>

namespace minisql::sql {

namespace {

double AsDouble(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt:
      return static_cast<double>(v.int_value());
    case Value::Kind::kDouble:
      return v.double_value();
    case Value::Kind::kDecimal:
      return v.decimal_value().ToDouble();
    case Value::Kind::kString:
      return std::strtod(v.string_value().c_str(), nullptr);
    case Value::Kind::kNull:
      return 0;
  }
  return 0;
}

int CompareStrings(const std::string& a, const std::string& b) {
  size_t a_len = a.size(), b_len = b.size();
  while (a_len > 0 && a[a_len - 1] == ' ') --a_len;  // PAD SPACE collation
  while (b_len > 0 && b[b_len - 1] == ' ') --b_len;
  size_t n = std::min(a_len, b_len);
  for (size_t i = 0; i < n; ++i) {
    int ca = std::tolower(static_cast<unsigned char>(a[i]));
    int cb = std::tolower(static_cast<unsigned char>(b[i]));
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  if (a_len == b_len) return 0;
  return a_len < b_len ? -1 : 1;
}

template <typename T>
int Sign(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

int CompareForOrder(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Sign(!a.is_null(), !b.is_null());
  Value::Kind ka = a.kind(), kb = b.kind();
  if (ka == Value::Kind::kString && kb == Value::Kind::kString) {
    return CompareStrings(a.string_value(), b.string_value());
  }
  if (ka == Value::Kind::kInt && kb == Value::Kind::kInt) return Sign(a.int_value(), b.int_value());
  bool exact_a = ka == Value::Kind::kInt || ka == Value::Kind::kDecimal;
  bool exact_b = kb == Value::Kind::kInt || kb == Value::Kind::kDecimal;
  if (exact_a && exact_b) {
    Decimal da = ka == Value::Kind::kInt ? Decimal::FromInt(a.int_value()) : a.decimal_value();
    Decimal db = kb == Value::Kind::kInt ? Decimal::FromInt(b.int_value()) : b.decimal_value();
    int c = Decimal::Compare(da, db);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return Sign(AsDouble(a), AsDouble(b));
}

bool RowLess::operator()(const Row& a, const Row& b) const {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int c = CompareForOrder(a[i], b[i]);
    if (c != 0) return c < 0;
  }
  return a.size() < b.size();
}

}  // namespace minisql::sql
