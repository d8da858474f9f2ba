// index_range_extractor.h — which range of a secondary index a WHERE clause confines a
// scan to, and how good that range is (the planner compares access paths with it).
//
// Looks at the WHERE clause's top-level AND terms of the forms
//
//   col = const   col <=> const   col IS NULL   col <op> const (op: < <= > >=)
//   const <op> col   col BETWEEN const AND const
//
// where the constant has a kind the column stores exactly (integer literal for an
// integer column; numeric literal for DOUBLE; string literal for CHAR/VARCHAR; FLOAT
// and DECIMAL columns are not matched).
// Walking the index columns in order, it keeps equalities while they last, then at
// most one range on the next column:
//
//   KEY (a, b, c), WHERE a = 1 AND b > 5 AND c = 2   →  (1, 5) < key <= (1, +inf):
//   equality_columns 1, bounded, c is left to the filter.
//
// As with the primary key, the range only narrows the scan: the filter above the scan
// re-checks the whole WHERE clause, so a term ignored here never changes a result.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

struct IndexRangeMatch {
  storage::KeyRange range;      // over the index columns
  size_t equality_columns = 0;  // leading index columns fixed by equalities
  bool bounded = false;         // a range on the column after them
};

/// The range is in index order (StorageEngine::ScanIndex): on a DESC column of
/// `index`, the lower bound holds the larger value.
IndexRangeMatch ExtractIndexRange(const ast::Expr* where, const storage::TableSchema& table,
                                  const std::string& alias, const storage::IndexDef& index);

/// "a = 1 AND b > 5": a range over `columns`, for plan descriptions.
std::string DescribeIndexRange(const storage::TableSchema& table, const storage::IndexDef& index,
                               const storage::KeyRange& range);

}  // namespace minisql::sql
