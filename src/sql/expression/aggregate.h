// aggregate.h — the aggregate functions' accumulators (COUNT, SUM, AVG, MIN, MAX,
// GROUP_CONCAT).
//
// The aggregation operator (sql/executor/aggregate_executor) keeps one Aggregator per
// aggregate call per group, feeds it each input row's argument value, and asks for
// the result at the end of the group. Result types follow MySQL: COUNT is BIGINT, SUM
// of integers/DECIMAL is DECIMAL, of DOUBLE is DOUBLE, AVG of integers/DECIMAL is
// DECIMAL with scale+4 ("5.0000"), MIN/MAX keep their argument's type. Empty groups
// give NULL except COUNT, which gives 0.
//
// Most aggregates take one argument. COUNT(DISTINCT a, b) and GROUP_CONCAT(a, b ORDER
// BY k SEPARATOR s) take several values per row: the operator passes them together
// (the arguments, then the ORDER BY keys) to AccumulateValues.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds one input value (the argument evaluated on one row; COUNT(*) gets Int 1).
  virtual Status Accumulate(const Value& v) = 0;
  /// Adds one row's arguments followed by its ORDER BY keys (multi-value aggregates);
  /// single-argument aggregates just take the first.
  virtual Status AccumulateValues(const Row& inputs) { return Accumulate(inputs[0]); }
  virtual Result<Value> Finish() const = 0;
};

/// Describes an aggregate call once its argument is bound.
struct AggregateSpec {
  std::string name;  // COUNT, SUM, AVG, MIN, MAX (upper case)
  bool star = false;
  bool distinct = false;
  ColumnType arg_type;   // ignored for COUNT(*)
  size_t arg_count = 1;  // COUNT(DISTINCT a, b) and GROUP_CONCAT take several
  // GROUP_CONCAT only: the ORDER BY keys' directions and the separator.
  std::vector<bool> order_descending;
  std::string separator = ",";
};

/// MySQL's group_concat_max_len default in MariaDB: longer results are cut.
constexpr size_t kGroupConcatMaxBytes = 1024 * 1024;

/// GROUP_CONCAT's accumulator (group_concat_aggregator.cc).
std::unique_ptr<Aggregator> MakeGroupConcatAggregator(const AggregateSpec& spec);

/// The result type of the aggregate (for result-column metadata and later operators).
Result<ColumnType> AggregateResultType(const AggregateSpec& spec);
/// A fresh accumulator for one group; 1235 for unsupported aggregates.
Result<std::unique_ptr<Aggregator>> MakeAggregator(const AggregateSpec& spec);

}  // namespace minisql::sql
