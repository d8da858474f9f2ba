// value_order.cc — see value_order.h.
//
// The order of values is the expression layer's comparison (sql/expression/comparison.h),
// so ORDER BY, GROUP BY and `=` can never disagree about two values; this file adds only
// MySQL's place for NULL: before every value in ascending order.
#include "sql/executor/value_order.h"

#include "sql/expression/comparison.h"

namespace minisql::sql {

int CompareForOrder(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) {
    return static_cast<int>(!a.is_null()) - static_cast<int>(!b.is_null());
  }
  int c = CompareValues(a, b, CompareModeForValues(a, b));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
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
