// binder.h — resolves a parsed statement's names against the catalog.
//
//   ast::SelectStmt ──Binder::BindSelect──► BoundSelect ──Planner──► plan nodes
//
// The binder looks tables up (StorageEngine::GetTable, inside the statement's
// transaction so the schema cannot change under it), expands `*`, resolves column
// names through NameScopes (name_scopes.h), pulls aggregate calls out of
// expressions (aggregate_extractor.h), resolves ORDER BY / GROUP BY by alias or
// position, and checks what MySQL checks before running anything: unknown columns
// and tables (1054, 1146), column counts (1136), duplicate columns (1110), CREATE
// TABLE definitions (1060, 1068, 1075 ...). Features the grammar accepts but minisql
// does not run yet are refused here with 1235, naming the feature.
//
// One file per statement kind: bind_select.cc, bind_insert.cc, bind_modify.cc
// (UPDATE, DELETE), bind_create_table.cc.
#pragma once

#include <string>

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/expression/expression_binder.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

/// The common table expressions a query can read: those of its own WITH clause that
/// are visible at this point, then the enclosing ones.
struct CteScope {
  std::vector<const ast::CommonTableExpr*> ctes;
  std::string database;  // the current database where the WITH clause was written
  const CteScope* parent = nullptr;
  bool recursive = false;  // WITH RECURSIVE
};

/// Asked before a statement reads a base table (LOCK TABLES, session/table_locks.h):
/// may wait for another session's lock, or refuse with an error.
class TableAccessCheck {
 public:
  virtual ~TableAccessCheck() = default;
  virtual Status CheckTableAccess(const std::string& database, const std::string& table) const = 0;
};

class Binder : public SubqueryBinder {
 public:
  /// `current_database` is "" when none is selected.
  Binder(storage::StorageEngine* storage, storage::Transaction* txn, std::string current_database)
      : storage_(storage), txn_(txn), current_database_(std::move(current_database)) {}

  /// May rewrite `stmt` in place (aggregate calls become references to the
  /// aggregation output), so the statement must outlive the result.
  Result<BoundSelect> BindSelect(ast::SelectStmt& stmt);
  /// Every base table this binder (and its nested ones) looks up is checked first.
  void set_table_access(const TableAccessCheck* check) { table_access_ = check; }
  /// The session's variables, read to type @v and @@v (variable_reader.h); nested
  /// binders (subqueries, derived tables, CTEs) inherit them. Null: typed as text.
  void set_variables(const VariableReader* variables) { variables_ = variables; }
  const VariableReader* variables() const override { return variables_; }
  Result<BoundInsert> BindInsert(const ast::InsertStmt& stmt);
  /// INSERT ... SELECT: `bound` has the target table and column mapping already.
  Result<BoundInsert> BindInsertSelect(const ast::InsertStmt& stmt, BoundInsert bound);
  Result<BoundModify> BindUpdate(const ast::UpdateStmt& stmt);
  Result<BoundModify> BindDelete(const ast::DeleteStmt& stmt);
  /// The multi-table forms (bind_multi_modify.cc).
  Result<BoundModify> BindMultiUpdate(const ast::UpdateStmt& stmt);
  Result<BoundModify> BindMultiDelete(const ast::DeleteStmt& stmt);
  /// Validates the definition and builds the schema to store.
  Result<BoundCreateTable> BindCreateTable(const ast::CreateTableStmt& stmt);

  /// The database a statement means by `database` ("" = the current one); 1046 when
  /// neither is given.
  Result<std::string> ResolveDatabase(const std::string& database) const;
  /// Looks a table up: 1046 / 1146.
  Result<std::shared_ptr<const storage::TableSchema>> LookupTable(const std::string& database,
                                                                  const std::string& table);

  // SubqueryBinder (bind_subquery.cc): a nested SELECT is bound by a child Binder
  // whose unknown names fall back to the enclosing query's scope.
  Result<BoundSubquery> BindSubquery(ast::SelectStmt& select,
                                     const NameScope& outer) const override;
  Result<BoundColumn> ResolveOuter(const ast::ColumnRefExpr& ref) const override;

 private:
  /// What a nested query's binder knows of its enclosing query.
  struct OuterReferences {
    const NameScope* scope = nullptr;  // the enclosing query at the subquery's position
    std::shared_ptr<CorrelationSlots> slots;
    std::vector<ExpressionPtr> sources;  // one per outer column read, over the outer row
  };

  /// A SELECT without its WITH clause: a plain one (bind_select.cc) or a set
  /// operation (bind_set_operation.cc).
  Result<BoundSelect> BindQueryBody(ast::SelectStmt& stmt);
  Result<BoundSelect> BindSetOperation(ast::SelectStmt& stmt);
  /// WITH clauses (bind_cte.cc): duplicate names; a FROM name that may be a CTE.
  static Status CheckCtes(const CteScope& scope);
  Result<std::optional<BoundTable>> BindCteReference(const ast::TableRef& ref);
  /// A CTE of WITH RECURSIVE that reads itself (bind_recursive_cte.cc); `visible` are
  /// the CTEs its definition sees.
  Result<BoundTable> BindRecursiveCte(const ast::CommonTableExpr& cte, const std::string& alias,
                                      const std::string& database, const CteScope* visible);
  /// Binds and plans a query standing in FROM (derived table, view, CTE) as a table
  /// called `alias`; `column_names` renames its columns (empty: keep them).
  /// `database` is the current database inside the query (a view's own).
  /// bind_derived_table.cc.
  Result<BoundTable> BindDerivedTable(ast::SelectStmt& query, const std::string& alias,
                                      const std::vector<std::string>& column_names,
                                      const std::string& database, const struct CteScope* ctes);
  /// A view in FROM, expanded like a derived table (bind_view.cc).
  Result<BoundTable> BindView(const storage::TableSchema& view, const std::string& alias);
  /// A table of information_schema in FROM: its rows are generated from the catalog
  /// by an InformationSchemaScanPlan (bind_information_schema.cc).
  static Result<BoundTable> BindInformationSchemaTable(const std::string& name,
                                                       const std::string& alias);
  /// Appends a FROM table after the others (1066 for a repeated alias, 1116 beyond
  /// 61 tables) and makes `node` its join-tree leaf.
  static Status AppendTable(BoundTable table, std::vector<BoundTable>* tables, BoundFromItem* node);
  /// Appends the tables of one FROM item to `tables`; `item` receives its join tree.
  Status BindFrom(const ast::TableRef& ref, std::vector<BoundTable>* tables,
                  std::unique_ptr<BoundFromItem>* item = nullptr);
  /// The USING / NATURAL part of a join: the equalities and the column order.
  Status BindUsing(const ast::TableRef& ref, std::vector<BoundTable>* tables, BoundFromItem* join);
  Result<std::optional<uint64_t>> BindLimit(const ast::Expr* expr, const char* what);
  /// The FROM join and WHERE of a multi-table UPDATE / DELETE, as a SELECT FOR UPDATE.
  Status BindModifyJoin(const ast::TableRef& ref, const ast::Expr* where, BoundSelect* join);
  Status BindWhereAndLimit(const ast::Expr* where, const std::vector<ast::OrderItem>& order_by,
                           const ast::Expr* limit, const std::vector<BoundTable>& tables,
                           BoundModify* bound);

  storage::StorageEngine* storage_;
  storage::Transaction* txn_;
  std::string current_database_;
  OuterReferences* outer_ = nullptr;  // null for the statement's top-level query
  const CteScope* ctes_ = nullptr;    // the WITH clauses in force (bind_cte.cc)
  int view_depth_ = 0;                // views being expanded around this query
  /// In a recursive CTE's recursive part: the CTE's name there reads its working table
  /// (bind_recursive_cte.cc). Nested queries never see it.
  const struct WorkingTableBinding* working_table_ = nullptr;
  const TableAccessCheck* table_access_ = nullptr;  // null: no LOCK TABLES checks
  const VariableReader* variables_ = nullptr;       // null: variables typed as text
};

/// Case-insensitive ASCII comparison, as MySQL compares column names.
bool EqualsIgnoreCase(const std::string& a, const std::string& b);

/// Checks CREATE (or ALTER) TABLE's table options (ENGINE=InnoDB, CHARSET and COLLATE of
/// the utf8 family, COMMENT, AUTO_INCREMENT=N into *auto_increment_start) and renders
/// the text SHOW CREATE TABLE prints after ENGINE=InnoDB (TableSchema::options).
Result<std::string> BindTableOptions(const std::vector<ast::TableOption>& options,
                                     std::optional<int64_t>* auto_increment_start);

}  // namespace minisql::sql
