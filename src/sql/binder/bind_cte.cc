// bind_cte.cc — common table expressions: WITH name [(columns)] AS (query) ...
//
// A CTE is a named derived table. Each FROM reference to it binds and plans its query
// afresh (like a derived table written out in place), in the scope where the WITH
// clause stands: it sees the CTEs defined before it in the same WITH and the
// enclosing ones, never itself. With RECURSIVE, a CTE that reads itself is bound by
// bind_recursive_cte.cc.
#include "sql/binder/binder.h"
#include "sql/binder/recursive_cte.h"

namespace minisql::sql {

Status Binder::CheckCtes(const CteScope& scope) {
  for (size_t i = 0; i < scope.ctes.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (scope.ctes[i]->name == scope.ctes[j]->name) {
        return Status::Error(ErrorCode::kDupQueryName, scope.ctes[i]->name);
      }
    }
  }
  return Status::OK();
}

Result<std::optional<BoundTable>> Binder::BindCteReference(const ast::TableRef& ref) {
  if (!ref.database.empty()) return std::optional<BoundTable>();
  if (working_table_ != nullptr && ref.name == working_table_->name) {
    return std::optional<BoundTable>(WorkingTable(*working_table_, ref));
  }
  for (const CteScope* scope = ctes_; scope != nullptr; scope = scope->parent) {
    for (size_t i = 0; i < scope->ctes.size(); ++i) {
      const ast::CommonTableExpr& cte = *scope->ctes[i];
      if (cte.name != ref.name) continue;
      // Visible inside it: the CTEs before it in its WITH, and the enclosing ones.
      CteScope visible;
      visible.ctes.assign(scope->ctes.begin(), scope->ctes.begin() + static_cast<long>(i));
      visible.database = scope->database;
      visible.parent = scope->parent;
      visible.recursive = scope->recursive;
      const std::string alias = ref.alias.empty() ? ref.name : ref.alias;
      if (scope->recursive && ReadsTable(*cte.select, cte.name)) {
        Result<BoundTable> table = BindRecursiveCte(cte, alias, scope->database, &visible);
        if (!table.ok()) return table.status();
        return std::optional<BoundTable>(std::move(*table));
      }
      Result<BoundTable> table =
          BindDerivedTable(*cte.select, alias, cte.columns, scope->database, &visible);
      if (!table.ok()) return table.status();
      return std::optional<BoundTable>(std::move(*table));
    }
  }
  return std::optional<BoundTable>();
}

}  // namespace minisql::sql
