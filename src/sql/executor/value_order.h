// value_order.h — the total order ORDER BY, GROUP BY and DISTINCT use on values.
//
// MySQL's rules for sorting and grouping, with the server's default collation
// utf8mb4_general_ci for strings:
//   - NULL sorts before every other value (and NULLs group together);
//   - numbers compare by value whatever their kind (1 = 1.0 = 1e0);
//   - strings compare case-insensitively (ASCII letters folded) and trailing
//     spaces are ignored ('a' = 'A ');
//   - a string against a number compares as numbers.
#pragma once

#include "types/value.h"

namespace minisql::sql {

/// <0, 0 or >0.
int CompareForOrder(const Value& a, const Value& b);

/// Lexicographic CompareForOrder over two rows of the same width.
struct RowLess {
  bool operator()(const Row& a, const Row& b) const;
};

}  // namespace minisql::sql
