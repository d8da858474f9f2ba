// access_path.h — how the planner reads a single table: which key (primary key or a
// secondary index), which range of it, and whether the rows then come out in the
// order ORDER BY asks for.
//
// The rule, simple on purpose (no statistics yet), prefers the most selective path:
//
//   1. equality on every column of the primary key or of a UNIQUE index (one row);
//   2. else the longest run of leading key columns fixed by equalities;
//   3. else a range on the first column not fixed (more equalities still win);
//   4. else, with no usable WHERE term: the key whose order gives ORDER BY (the sort
//      is then skipped), or the primary key scan.
//
// Ties go to the primary key (no second lookup per row), then to the index listed
// first. Candidates are compared on (one-row, equality columns, has range).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sql/binder/bound_statement.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

struct AccessPath {
  bool use_index = false;  // false: the table's own (primary key) order
  size_t index = 0;        // ordinal into table.indexes when use_index
  storage::KeyRange range;
  /// Rows come out sorted by these columns (the key's columns; for an index, then the
  /// primary key's) — the first `equality_columns` of them are constant.
  std::vector<uint32_t> order;
  size_t equality_columns = 0;
};

/// `wanted_order`: the table columns ORDER BY sorts on, ascending (empty: none or not
/// expressible as columns).
AccessPath ChooseAccessPath(const ast::Expr* where, const storage::TableSchema& table,
                            const std::string& alias, const std::vector<uint32_t>& wanted_order);

/// True if rows read through `path` are already in `wanted_order`.
bool ProvidesOrder(const AccessPath& path, const std::vector<uint32_t>& wanted_order);

/// The table columns a single-table, non-aggregate SELECT's ORDER BY sorts on, if
/// every key is a plain column in ascending order; otherwise empty.
std::vector<uint32_t> OrderByColumns(const BoundSelect& select);

}  // namespace minisql::sql
