// result_types.h — the result type rules MySQL applies when it binds an expression.
//
//   a + b, a - b, a * b, a MOD b   both integer -> BIGINT; any DOUBLE or string ->
//                                  DOUBLE; otherwise DECIMAL (scale: max for + - MOD,
//                                  sum for *)
//   a / b                          DOUBLE if either is DOUBLE or a string, else DECIMAL
//                                  with scale(a) + 4 (div_precision_increment)
//   a DIV b                        BIGINT
//   comparisons, logic, IS, LIKE   INT(1), 0 or 1 (or NULL)
//   CASE, IF, IFNULL, COALESCE,    the common type of the branches: integer if all are,
//   GREATEST, LEAST                a string if any is, else DOUBLE if any is, else DECIMAL
#pragma once

#include <vector>

#include "types/column_type.h"

namespace minisql::sql {

enum class ArithmeticOp { kAdd, kSub, kMul, kDiv, kIntDiv, kMod };

/// MySQL's div_precision_increment: digits `/` adds to the dividend's scale.
constexpr int kDivPrecisionIncrement = 4;

ColumnType ArithmeticResultType(ArithmeticOp op, const ColumnType& left, const ColumnType& right);
/// The type of a truth-valued result (comparison, AND, LIKE ...): INT(1).
ColumnType BooleanType();
/// BIGINT(n).
ColumnType BigIntType(uint32_t width = 0);
/// VARCHAR(n).
ColumnType VarcharType(uint32_t length);
/// The common type of several branches (kNull branches are ignored).
ColumnType CommonResultType(const std::vector<ColumnType>& types);

}  // namespace minisql::sql
