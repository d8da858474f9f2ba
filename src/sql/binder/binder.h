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
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

class Binder {
 public:
  /// `current_database` is "" when none is selected.
  Binder(storage::StorageEngine* storage, storage::Transaction* txn, std::string current_database)
      : storage_(storage), txn_(txn), current_database_(std::move(current_database)) {}

  /// May rewrite `stmt` in place (aggregate calls become references to the
  /// aggregation output), so the statement must outlive the result.
  Result<BoundSelect> BindSelect(ast::SelectStmt& stmt);
  Result<BoundInsert> BindInsert(const ast::InsertStmt& stmt);
  Result<BoundModify> BindUpdate(const ast::UpdateStmt& stmt);
  Result<BoundModify> BindDelete(const ast::DeleteStmt& stmt);
  /// Validates the definition and builds the schema to store.
  Result<BoundCreateTable> BindCreateTable(const ast::CreateTableStmt& stmt);

  /// The database a statement means by `database` ("" = the current one); 1046 when
  /// neither is given.
  Result<std::string> ResolveDatabase(const std::string& database) const;
  /// Looks a table up: 1046 / 1146.
  Result<std::shared_ptr<const storage::TableSchema>> LookupTable(const std::string& database,
                                                                  const std::string& table);

 private:
  /// Appends the tables of one FROM item to `tables`; `item` receives its join tree.
  Status BindFrom(const ast::TableRef& ref, std::vector<BoundTable>* tables,
                  std::unique_ptr<BoundFromItem>* item = nullptr);
  /// The USING / NATURAL part of a join: the equalities and the column order.
  Status BindUsing(const ast::TableRef& ref, std::vector<BoundTable>* tables, BoundFromItem* join);
  Result<std::optional<uint64_t>> BindLimit(const ast::Expr* expr, const char* what);
  Status BindWhereAndLimit(const ast::Expr* where, const ast::Expr* limit,
                           const std::vector<BoundTable>& tables, BoundModify* bound);

  storage::StorageEngine* storage_;
  storage::Transaction* txn_;
  std::string current_database_;
};

/// Case-insensitive ASCII comparison, as MySQL compares column names.
bool EqualsIgnoreCase(const std::string& a, const std::string& b);

}  // namespace minisql::sql
