// key_range_extractor.h — which primary-key range a WHERE clause confines a scan to.
//
// `SELECT c FROM sbtest1 WHERE id = 5` must not read the whole table: the planner
// asks this module for the narrowest KeyRange implied by the WHERE clause's
// top-level AND terms on the first primary key column (an integer):
//
//   id = 5                      [5, 5]
//   id > 3 AND id <= 9          (3, 9]
//   id BETWEEN 10 AND 20        [10, 20]
//   id = 5 OR id = 6, name=..   all rows (not understood: no restriction)
//
// The range only narrows the scan; the WHERE predicate is still evaluated on every
// row read, so a term this module ignores can never produce wrong results.
#pragma once

#include <string>

#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

/// `alias` is the name the statement uses for the table (its columns may be
/// qualified by it).
storage::KeyRange ExtractKeyRange(const ast::Expr* where, const storage::TableSchema& table,
                                  const std::string& alias);

}  // namespace minisql::sql
