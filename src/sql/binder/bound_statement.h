// bound_statement.h — statements after name resolution: what the planner consumes.
//
// The binder (binder.h) turns an ast::Stmt, whose names are just text, into one of
// these structs, whose tables are catalog schemas and whose expressions are bound
// Expression trees with known types. Nothing here has been executed yet; the planner
// (sql/planner/) arranges the pieces into a tree of plan nodes.
//
// Row layouts, for a SELECT (each arrow is one operator the planner will build):
//
//   joined row      = t0 columns ++ t1 columns ++ ...       (scan / join / WHERE)
//   aggregated row  = aggregate results ++ first joined row   (only with GROUP BY /
//                                                              aggregates)
//   projected row   = select items [++ input row]            (input appended when
//                                                              HAVING / ORDER BY need it)
//   output row      = the first `visible_count` projected columns
//
// Keeping the group's first input row after the aggregate results lets a select item
// name a column that is not in GROUP BY, which MariaDB allows (it shows a value from
// the group) — and makes `SELECT qty ... GROUP BY qty` need no special case.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/binder/bound_window.h"
#include "sql/expression/aggregate.h"
#include "sql/expression/expression.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

class PlanNode;

/// One AND-ed part of a WHERE or ON condition, with the FROM tables it reads, so the
/// planner can apply it as early as possible (join_planner.h). For `x = y` the two
/// sides are also bound alone: a hash join evaluates them on different rows.
struct BoundConjunct {
  ExpressionPtr predicate;  // over the joined row
  uint64_t tables = 0;      // bit i: reads FROM table i (all bits: unknown)
  bool is_equality = false;
  ExpressionPtr eq_left;  // set when is_equality
  ExpressionPtr eq_right;
  uint64_t eq_left_tables = 0;
  uint64_t eq_right_tables = 0;
};

/// A table of the FROM clause and where its columns sit in the joined row.
struct BoundTable {
  std::shared_ptr<const storage::TableSchema> schema;
  std::string alias;    // the name that qualifies its columns (alias or table name)
  uint32_t offset = 0;  // position of its first column in the joined row
  /// How it joins the tables before it (the first table: kCross, no condition).
  ast::TableRef::JoinType join_type = ast::TableRef::JoinType::kCross;
  /// A derived table, view or common table expression: the plan producing its rows
  /// (`schema` then describes them and no B+ tree stands behind it). Null for a base
  /// table.
  std::shared_ptr<const PlanNode> derived_plan;
  /// Columns an unqualified name does not reach: the right-hand copy of a USING /
  /// NATURAL column (the left-hand one for RIGHT JOIN), as in MySQL.
  std::vector<uint32_t> hidden_columns;
};

/// A node of the FROM clause's join tree, for the join planner. RIGHT JOIN is stored
/// as the LEFT JOIN it mirrors (its sides swapped), so `right` is always the side
/// that may be NULL-padded.
struct BoundFromItem {
  enum class Kind { kTable, kInnerJoin, kLeftJoin };
  Kind kind = Kind::kTable;
  uint32_t table = 0;  // kTable: index into BoundSelect::tables
  std::unique_ptr<BoundFromItem> left;
  std::unique_ptr<BoundFromItem> right;
  std::vector<BoundConjunct> on;  // joins: ON, or the equalities USING / NATURAL imply
  /// What `SELECT *` shows of this item, in MySQL's order (USING / NATURAL columns
  /// once, first): (table index, column index) pairs.
  std::vector<std::pair<uint32_t, uint32_t>> star_columns;
};

/// Where a result column comes from, for its ColumnDefinition41 metadata.
struct OutputColumn {
  std::string name;  // alias, or the expression as typed
  ColumnType type;
  bool nullable = true;
  /// Set when the item is a plain column reference (org_name etc. are then filled).
  bool is_table_column = false;
  std::string org_name;
  std::string table;  // the alias it was referenced through
  std::string org_table;
  std::string schema;
  bool primary_key = false;
  bool auto_increment = false;
  bool no_default = false;  // NOT NULL without DEFAULT (MySQL's NO_DEFAULT_VALUE flag)
};

struct BoundAggregate {
  AggregateSpec spec;
  ExpressionPtr argument;  // null for COUNT(*)
  // The further arguments and then the ORDER BY keys of COUNT(DISTINCT a, b) and
  // GROUP_CONCAT; they reach the accumulator with `argument` (AccumulateValues).
  std::vector<ExpressionPtr> extra_inputs;
  ColumnType result_type;
};

struct BoundOrderItem {
  ExpressionPtr key;  // over the projected row
  bool descending = false;
};

struct BoundSelect {
  std::vector<BoundTable> tables;        // empty: SELECT without FROM (one empty input row)
  ExpressionPtr where;                   // over the joined row; may be null
  const ast::Expr* where_ast = nullptr;  // for access-path selection by the planner
  /// `where` split at AND (only when there are several tables).
  std::vector<BoundConjunct> where_conjuncts;
  /// The FROM items (comma-separated) as join trees over `tables`.
  std::vector<std::unique_ptr<BoundFromItem>> from;

  bool aggregate = false;
  std::vector<ExpressionPtr> group_by;  // over the joined row
  std::vector<BoundAggregate> aggregates;

  /// Window function calls (bind_window.cc), computed over the joined or aggregated
  /// row of `window_input_width` columns; their results are appended to it, and
  /// `items` and ORDER BY read them there.
  std::vector<BoundWindowFunction> windows;
  uint32_t window_input_width = 0;
  /// HAVING with window functions (bind_window.h): HAVING filters before the windows.
  /// `window_having` reads [pre_window_items ++ the joined or aggregated row], which a
  /// projection computes; the windows and `items` read that row too. `having` is
  /// then null.
  std::vector<ExpressionPtr> pre_window_items;
  ExpressionPtr window_having;

  std::vector<ExpressionPtr> items;  // over the joined or aggregated row
  bool project_input = false;        // append the input row to the projected row
  ExpressionPtr having;              // over the projected row; may be null
  std::vector<BoundOrderItem> order_by;
  bool distinct = false;
  bool calc_found_rows = false;  // SQL_CALC_FOUND_ROWS
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  /// FOR SHARE / FOR UPDATE: the tables are read with row locks (current reads).
  std::optional<storage::RowLockMode> lock;

  std::vector<OutputColumn> columns;  // one per select item
};

/// INSERT (kError: 1062), INSERT IGNORE (skip the row), REPLACE (delete every
/// colliding row first), INSERT ... ON DUPLICATE KEY UPDATE (update the first one).
enum class InsertConflict { kError, kIgnore, kReplace, kUpdate };

struct BoundAssignment {
  uint32_t column = 0;  // index into the table's columns
  ExpressionPtr value;  // over the table row; null for DEFAULT
};

struct BoundInsert {
  std::shared_ptr<const storage::TableSchema> table;
  /// For each table column, the position of its value in a VALUES row, or -1 when
  /// the column is not listed (it gets its default).
  std::vector<int> value_index;
  /// VALUES rows; an entry is null where DEFAULT was written.
  std::vector<std::vector<ExpressionPtr>> rows;
  /// INSERT ... SELECT: the query's plan (rows is then empty); its columns are the
  /// "VALUES row" value_index points into.
  std::shared_ptr<const PlanNode> select_plan;
  /// What a row colliding on the primary key or a UNIQUE index does (bind_insert_conflict.cc).
  InsertConflict on_conflict = InsertConflict::kError;
  /// ON DUPLICATE KEY UPDATE, in order; values over [existing row ++ inserted row].
  std::vector<BoundAssignment> on_duplicate;
  /// INSERT IGNORE (on_conflict kIgnore, or kUpdate for INSERT IGNORE ... ON DUPLICATE
  /// KEY UPDATE): values convert leniently (column_converter.h).
  bool ignore = false;
};

/// A table whose rows a multi-table UPDATE / DELETE changes.
struct ModifyTarget {
  std::shared_ptr<const storage::TableSchema> table;
  std::string alias;
  uint32_t offset = 0;  // its first column in the joined row
  /// UPDATE: columns of `table`, values over the ORIGINAL joined row (MariaDB: in the
  /// multi-table form no assignment sees another's result).
  std::vector<BoundAssignment> assignments;
};

/// UPDATE and DELETE share a shape: which rows (range + predicate) and what to do.
struct BoundModify {
  std::shared_ptr<const storage::TableSchema> table;
  std::string alias;
  ExpressionPtr where;  // over the table row; may be null
  const ast::Expr* where_ast = nullptr;
  std::vector<BoundAssignment> assignments;  // UPDATE only
  std::vector<BoundOrderItem> order_by;      // over the table row
  std::optional<uint64_t> limit;
  /// Multi-table forms (bind_multi_modify.cc): the join whose rows are the candidates
  /// (its tables, FROM tree and WHERE parts; read with exclusive locks) and the
  /// tables changed. `order_by` is then over the joined row. Empty `targets`: the
  /// single-table form above.
  std::unique_ptr<BoundSelect> join;
  std::vector<ModifyTarget> targets;
  /// UPDATE IGNORE: a row whose new key collides is left as it was, and values are
  /// converted leniently (column_converter.h).
  bool ignore = false;
};

struct BoundCreateTable {
  storage::TableSchema schema;  // table_id unset
  bool if_not_exists = false;
  /// AUTO_INCREMENT=N: the first value to generate.
  std::optional<int64_t> auto_increment_start;
};

}  // namespace minisql::sql
