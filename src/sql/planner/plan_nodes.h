// plan_nodes.h — the physical plan: a tree of operators the executor factory turns
// into executors one-for-one.
//
//   SELECT qty, COUNT(*) FROM items WHERE id > 1 GROUP BY qty ORDER BY 2 LIMIT 5
//
//   Limit(5, offset 0)
//   └─ Projection(#0, #1)                       drop the hidden columns
//      └─ Sort(#1 ASC)
//         └─ Projection(#1, #0, input)          select items ++ input row
//            └─ Aggregation(keys: #3; COUNT(*))
//               └─ Filter((#0 > 1))
//                  └─ SeqScan(shop.items, id > 1)
//
// Plan nodes are immutable once built and print themselves (ToString), which is what
// EXPLAIN and the planner tests look at.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/binder/bound_statement.h"
#include "sql/expression/aggregate.h"
#include "sql/expression/comparison.h"
#include "sql/expression/expression.h"
#include "storage/storage_engine.h"

namespace minisql::sql {
struct InformationSchemaTable;  // sql/information_schema/information_schema.h
}  // namespace minisql::sql

namespace minisql::sql {

enum class PlanType {
  kSeqScan,
  kValues,
  kFilter,
  kProjection,
  kAggregation,
  kSort,
  kLimit,
  kDistinct,
  kNestedLoopJoin,
  kInsert,
  kUpdate,
  kDelete,
  kHashJoin,
  kWiden,
  kDerivedTable,
  kSetOperation,
  kIndexScan,
  kRecursiveCte,      // recursive_cte_plan.h
  kWorkingTableScan,  // recursive_cte_plan.h
  kWindow,
  kInformationSchemaScan,
};

/// A run of columns in a join row: [offset, offset + count).
struct ColumnSpan {
  uint32_t offset = 0;
  uint32_t count = 0;
};

class PlanNode {
 public:
  explicit PlanNode(PlanType type) : type_(type) {}
  virtual ~PlanNode() = default;
  PlanType type() const { return type_; }
  const std::vector<std::unique_ptr<PlanNode>>& children() const { return children_; }
  const PlanNode& child(size_t i = 0) const { return *children_[i]; }
  void AddChild(std::unique_ptr<PlanNode> child) { children_.push_back(std::move(child)); }

  /// This node alone: "SeqScan(shop.items, range: id = 1)".
  virtual std::string Describe() const = 0;
  /// The whole subtree, one node per line, children indented.
  std::string ToString() const;

  /// The planner's guess of how many rows this node yields (EXPLAIN shows it).
  double estimated_rows = 0;

 private:
  void Print(std::string* out, int depth) const;
  PlanType type_;
  std::vector<std::unique_ptr<PlanNode>> children_;
};
using PlanNodePtr = std::unique_ptr<PlanNode>;

/// Reads a table's rows in primary key order, restricted to a key range.
struct SeqScanPlan : PlanNode {
  SeqScanPlan() : PlanNode(PlanType::kSeqScan) {}
  std::shared_ptr<const storage::TableSchema> table;
  storage::KeyRange range;
  std::optional<storage::RowLockMode> lock;  // FOR SHARE / FOR UPDATE: a locking read
  std::string Describe() const override;
};

/// Reads a table's rows in the order of secondary index `index` (an ordinal into
/// table->indexes), restricted to a range over the index columns
/// (index_range_extractor.h). Describe(): "IndexScan(db.t, index: k, range: a = 1)".
struct IndexScanPlan : PlanNode {
  IndexScanPlan() : PlanNode(PlanType::kIndexScan) {}
  std::shared_ptr<const storage::TableSchema> table;
  size_t index = 0;
  storage::KeyRange range;
  const storage::IndexDef& index_def() const { return table->indexes[index]; }
  std::string Describe() const override;
};

/// Literal rows (SELECT without FROM: one empty row).
struct ValuesPlan : PlanNode {
  ValuesPlan() : PlanNode(PlanType::kValues) {}
  std::vector<std::vector<ExpressionPtr>> rows;
  std::string Describe() const override;
};

struct FilterPlan : PlanNode {
  FilterPlan() : PlanNode(PlanType::kFilter) {}
  ExpressionPtr predicate;
  std::string Describe() const override;
};

/// Computes `expressions` per input row; with `append_input` the input row follows.
struct ProjectionPlan : PlanNode {
  ProjectionPlan() : PlanNode(PlanType::kProjection) {}
  std::vector<ExpressionPtr> expressions;
  bool append_input = false;
  std::string Describe() const override;
};

/// Groups by `group_by`; outputs aggregate results ++ the group's first input row,
/// groups in ascending key order (as MariaDB's GROUP BY sorts).
struct AggregationPlan : PlanNode {
  AggregationPlan() : PlanNode(PlanType::kAggregation) {}
  std::vector<ExpressionPtr> group_by;
  std::vector<BoundAggregate> aggregates;
  size_t input_width = 0;  // columns of the input row (for the all-NULL row of no input)
  std::string Describe() const override;
};

struct SortPlan : PlanNode {
  SortPlan() : PlanNode(PlanType::kSort) {}
  std::vector<BoundOrderItem> keys;
  std::string Describe() const override;
};

struct LimitPlan : PlanNode {
  LimitPlan() : PlanNode(PlanType::kLimit) {}
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  /// SQL_CALC_FOUND_ROWS: after the last row, count what is left of the input and
  /// report the total in ExecutorContext::found_rows.
  bool count_all_rows = false;
  std::string Describe() const override;
};

struct DistinctPlan : PlanNode {
  DistinctPlan() : PlanNode(PlanType::kDistinct) {}
  std::string Describe() const override;
};

/// child(0) ⋈ child(1): each left row with each right row satisfying `condition`;
/// LEFT JOIN also emits unmatched left rows padded with NULLs.
///
/// Two row shapes: with `right_columns` empty the output is left row ++ right row
/// (right_width columns). With `right_columns` set, both inputs are already "join rows"
/// (see WidenPlan) and the output is the left row with those columns copied from
/// the right row — the shape the join planner (join_planner.h) builds.
struct NestedLoopJoinPlan : PlanNode {
  NestedLoopJoinPlan() : PlanNode(PlanType::kNestedLoopJoin) {}
  bool left_outer = false;
  size_t right_width = 0;
  std::vector<ColumnSpan> right_columns;
  ExpressionPtr condition;  // null: every pair
  std::string Describe() const override;
};

/// child(0) ⋈ child(1) on equal keys, in join-row shape (WidenPlan): reads the right
/// input into a hash table on `right_keys`, then looks up each left row's
/// `left_keys`. `residual` must also be TRUE for a match. See hash_join_executor.h.
struct HashJoinPlan : PlanNode {
  HashJoinPlan() : PlanNode(PlanType::kHashJoin) {}
  bool left_outer = false;
  std::vector<ExpressionPtr> left_keys;   // over the left join row
  std::vector<ExpressionPtr> right_keys;  // over the right join row, same count
  std::vector<CompareMode> modes;         // how key i compares (never kRuntime)
  std::vector<ColumnSpan> right_columns;  // the right input's columns in the join row
  ExpressionPtr residual;                 // null: the keys decide alone
  std::string Describe() const override;
};

/// Places a table's row at its own columns of the wider "join row" (the joined row
/// of bound_statement.h: every FROM table's columns at their binder offset) and
/// leaves the other columns NULL. With every input of a join in this shape, WHERE
/// and ON parts bound against the joined row can be evaluated below the joins, in
/// any join order, without renumbering their column references.
struct WidenPlan : PlanNode {
  WidenPlan() : PlanNode(PlanType::kWiden) {}
  std::string table;  // for EXPLAIN
  uint32_t offset = 0;
  uint32_t width = 0;  // of the join row
  std::string Describe() const override;
};

/// DML nodes emit one row: [affected rows, matched rows, first generated id] (INSERT
/// appends [rows that collided (IGNORE, REPLACE, ON DUPLICATE KEY UPDATE)]).
struct InsertPlan : PlanNode {
  InsertPlan() : PlanNode(PlanType::kInsert) {}
  std::shared_ptr<const storage::TableSchema> table;
  std::vector<int> value_index;
  std::vector<std::vector<ExpressionPtr>> rows;
  std::shared_ptr<const PlanNode> select;  // INSERT ... SELECT (insert_select_executor.h)
  InsertConflict on_conflict = InsertConflict::kError;  // IGNORE / REPLACE / ON DUPLICATE
  std::vector<BoundAssignment> on_duplicate;            // over [stored row ++ inserted row]
  bool ignore = false;                                  // INSERT IGNORE (BoundInsert::ignore)
  std::string Describe() const override;
};

/// UPDATE and DELETE read their table themselves: they must collect the RowIds of
/// the matching rows before changing any (a cursor must not see its own changes).
struct ModifyPlan : PlanNode {
  explicit ModifyPlan(PlanType type) : PlanNode(type) {}
  std::shared_ptr<const storage::TableSchema> table;
  storage::KeyRange range;  // over the primary key, or over `index` when use_index
  bool use_index = false;   // find the rows through secondary index `index`
  size_t index = 0;
  ExpressionPtr predicate;
  std::vector<BoundAssignment> assignments;  // kUpdate only
  /// ORDER BY over the table row (empty: none, or the access path already gives it).
  std::vector<BoundOrderItem> order_by;
  std::optional<uint64_t> limit;
  /// Multi-table forms: child(0) yields the joined rows (WHERE applied) and these
  /// tables are changed (see multi_modify_executor.h); `table` etc. are then unused.
  std::vector<ModifyTarget> targets;
  bool ignore = false;  // UPDATE IGNORE (BoundModify::ignore)
  std::string Describe() const override;
};

/// The rows of a derived table, view or CTE: runs `query`, a complete plan of its
/// own (shared, so a CTE read twice is planned once). Defined in derived_table_plan.cc.
struct DerivedTablePlan : PlanNode {
  DerivedTablePlan() : PlanNode(PlanType::kDerivedTable) {}
  std::string alias;
  std::shared_ptr<const PlanNode> query;
  std::string Describe() const override;
};

/// Window functions (window_executor.h): reads its whole input, computes each function
/// per partition, and outputs every input row with the results appended, in input
/// order. Defined in window_plan.cc.
struct WindowPlan : PlanNode {
  WindowPlan() : PlanNode(PlanType::kWindow) {}
  std::vector<BoundWindowFunction> functions;
  /// "RANK() OVER (PARTITION BY #1 ORDER BY #2 DESC), ...": what EXPLAIN shows.
  std::string DescribeFunctions() const;
  std::string Describe() const override;
};

/// The rows of an information_schema table, generated from the catalog when the scan
/// starts (sql/information_schema/). Describe(): "InformationSchemaScan(TABLES)".
struct InformationSchemaScanPlan : PlanNode {
  InformationSchemaScanPlan() : PlanNode(PlanType::kInformationSchemaScan) {}
  const InformationSchemaTable* table = nullptr;
  std::string Describe() const override;
};

/// Renders a key range for plans: "id = 5", "id > 1 AND id <= 9", "all".
std::string DescribeKeyRange(const storage::TableSchema& table, const storage::KeyRange& range);

}  // namespace minisql::sql
