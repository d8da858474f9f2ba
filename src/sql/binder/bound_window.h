// bound_window.h — a window function call after binding: what WindowPlan computes.
//
//   RANK() OVER (PARTITION BY g ORDER BY v DESC)
//   SUM(v) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
//
// Every expression here (arguments, PARTITION BY, ORDER BY keys) reads the window
// operator's input row: the joined row, or the aggregated row when the query groups
// (bound_statement.h). The frame is always explicit: the binder fills in the default
// MySQL/MariaDB use (RANGE UNBOUNDED PRECEDING .. CURRENT ROW with ORDER BY, the
// whole partition without).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sql/expression/aggregate.h"
#include "sql/expression/expression.h"
#include "sql/parser/ast.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

enum class WindowFunctionKind {
  kRowNumber,
  kRank,
  kDenseRank,
  kNtile,
  kLag,
  kLead,
  kFirstValue,
  kLastValue,
  kPercentRank,  // (RANK - 1) / (partition rows - 1), 0 for a one-row partition
  kCumeDist,     // (rows up to the current row's last peer) / partition rows
  kNthValue,     // NTH_VALUE(x, n): x of the frame's n-th row, NULL if it has fewer
  kAggregate,    // COUNT, SUM, AVG, MIN, MAX over the frame
};

struct BoundFrameBound {
  ast::WindowFrameBound::Kind kind = ast::WindowFrameBound::Kind::kCurrentRow;
  Value offset;  // n of `n PRECEDING` / `n FOLLOWING`: an integer (ROWS) or a number (RANGE)
};

struct BoundWindowOrderItem {
  ExpressionPtr key;  // over the window input row
  bool descending = false;
};

struct BoundWindowFunction {
  WindowFunctionKind kind = WindowFunctionKind::kRowNumber;
  std::string text;  // the call as written, for EXPLAIN
  /// kAggregate: the aggregate (argument type filled in); COUNT(*) has no argument.
  AggregateSpec aggregate;
  /// The value argument (LAG, LEAD, FIRST_VALUE, LAST_VALUE, aggregates); null if none.
  ExpressionPtr argument;
  /// LAG / LEAD: the third argument, evaluated on the current row (null: NULL).
  ExpressionPtr default_value;
  /// LAG / LEAD: how many rows back (LAG) or ahead (LEAD); NTILE: the bucket count;
  /// NTH_VALUE: n.
  int64_t count = 1;
  std::vector<ExpressionPtr> partition_by;
  std::vector<BoundWindowOrderItem> order_by;
  bool range_frame = true;  // RANGE (peers by ORDER BY value); false: ROWS
  BoundFrameBound frame_start;
  BoundFrameBound frame_end;
  ColumnType result_type;
  bool nullable = true;
};

}  // namespace minisql::sql
