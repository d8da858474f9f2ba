// bind_view.cc — a view named in FROM.
//
// The catalog keeps a view's SELECT as text (TableSchema::view_definition) and its
// columns. Each statement that reads the view parses that text again and binds it as
// a derived table called after the view (or its alias), in the view's own database,
// without the statement's WITH clauses. Views are not materialised, and the
// statement sees the base tables as they are now.
#include "sql/binder/binder.h"
#include "sql/parser/parser.h"

namespace minisql::sql {

namespace {

/// Deeper nesting means a view that (through others) reads itself.
constexpr int kMaxViewDepth = 32;

}  // namespace

Result<BoundTable> Binder::BindView(const storage::TableSchema& view, const std::string& alias) {
  if (view_depth_ >= kMaxViewDepth) {
    return Status::Error(ErrorCode::kViewRecursive, view.database, view.name);
  }
  Result<ast::StmtPtr> parsed = Parse(view.view_definition);
  if (!parsed.ok()) return parsed.status();
  if ((*parsed)->kind != ast::StmtKind::kSelect) {
    return Status::Error(ErrorCode::kInternalError, "view definition is not a SELECT");
  }
  std::vector<std::string> names;
  for (const storage::ColumnDef& column : view.columns) names.push_back(column.name);
  ++view_depth_;
  Result<BoundTable> table =
      BindDerivedTable(static_cast<ast::SelectStmt&>(**parsed), alias, names, view.database,
                       /*ctes=*/nullptr);
  --view_depth_;
  return table;
}

}  // namespace minisql::sql
