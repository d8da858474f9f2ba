// parameter_substitution.h — the `?` placeholders of a prepared statement, counted and
// replaced by values.
//
// A prepared statement is parsed once to learn its shape (how many `?`), and executed
// by putting each parameter's Value where its `?` stood and then running the statement
// like any text query:
//
//   SELECT name FROM t WHERE id = ?          ParameterExpr{index 0, text "?"}
//        │  SubstituteParameters(stmt, {Int 7})
//        ▼
//   SELECT name FROM t WHERE id = 7          LiteralExpr{Int 7, text "?"}
//
// The literal keeps the text "?", so a select-list parameter names its result column
// `?`, as in MySQL. Because binding rewrites parts of the AST (aggregate extraction),
// a statement is substituted into a freshly parsed AST for every execution.
//
// The walk covers every expression slot of every statement kind, including nested
// subqueries and derived tables, so no `?` can reach the binder unreplaced.
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "types/value.h"

namespace minisql::sql {

/// The number of `?` in `stmt` (their indexes run from 0 to count-1 in text order).
uint32_t CountParameters(ast::Stmt& stmt);

/// Replaces every ParameterExpr of `stmt` by a LiteralExpr holding params[index].
/// ER_WRONG_ARGUMENTS (1210) if a `?` has no value.
Status SubstituteParameters(ast::Stmt* stmt, const std::vector<Value>& params);

}  // namespace minisql::sql
