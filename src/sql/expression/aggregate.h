// aggregate.h — the aggregate functions' accumulators (COUNT, SUM, AVG, MIN, MAX).
//
// The aggregation operator (sql/executor/aggregate_executor) keeps one Aggregator per
// aggregate call per group, feeds it each input row's argument value, and asks for
// the result at the end of the group. Result types follow MySQL: COUNT is BIGINT, SUM
// of integers/DECIMAL is DECIMAL, of DOUBLE is DOUBLE, AVG of integers/DECIMAL is
// DECIMAL with scale+4 ("5.0000"), MIN/MAX keep their argument's type. Empty groups
// give NULL except COUNT, which gives 0.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds one input value (the argument evaluated on one row; COUNT(*) gets Int 1).
  virtual Status Accumulate(const Value& v) = 0;
  virtual Result<Value> Finish() const = 0;
};

/// Describes an aggregate call once its argument is bound.
struct AggregateSpec {
  std::string name;  // COUNT, SUM, AVG, MIN, MAX (upper case)
  bool star = false;
  bool distinct = false;
  ColumnType arg_type;  // ignored for COUNT(*)
};

/// The result type of the aggregate (for result-column metadata and later operators).
Result<ColumnType> AggregateResultType(const AggregateSpec& spec);
/// A fresh accumulator for one group; 1235 for unsupported aggregates.
Result<std::unique_ptr<Aggregator>> MakeAggregator(const AggregateSpec& spec);

}  // namespace minisql::sql
