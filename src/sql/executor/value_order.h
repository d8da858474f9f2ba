// value_order.h — the total order ORDER BY, GROUP BY and DISTINCT use on values.
//
// It is the expression layer's comparison (sql/expression/comparison.h), so sorting,
// grouping and `=` always agree, plus MySQL's rule for NULL:
//   - NULL sorts before every other value (and NULLs group together);
//   - numbers compare by value whatever their kind (1 = 1.0 = 1e0);
//   - strings compare under utf8mb4_general_ci as sql/expression/collation.h
//     implements it (case- and accent-insensitive for Latin letters, trailing spaces
//     ignored: 'a' = 'A ');
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
