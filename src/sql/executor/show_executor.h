// show_executor.h — SHOW statements about the catalog, answered like MariaDB.
//
//   SHOW DATABASES [LIKE p | WHERE e]        Database
//   SHOW [FULL] TABLES [FROM db] [LIKE p]    Tables_in_<db> [, Table_type]
//   SHOW COLUMNS FROM t / DESCRIBE t [col]   Field Type Null Key Default Extra
//   SHOW CREATE TABLE t                      Table, Create Table
//   SHOW INDEX|KEYS FROM t                   Table Non_unique Key_name ... Ignored
//
// SHOW DATABASES lists the catalog's databases and the virtual information_schema
// (sql/information_schema/); there is no mysql or performance_schema. SHOW VARIABLES / STATUS
// / WARNINGS belong to the session layer (session/); it builds their rows and
// filters them with FilterShowRows like the rest.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/expression/expression.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

struct ShowResult {
  std::vector<OutputColumn> columns;
  std::vector<Row> rows;
};

struct ShowContext {
  storage::StorageEngine* storage = nullptr;
  storage::Transaction* txn = nullptr;
  std::string current_database;
  const EvalContext* eval = nullptr;
};

Result<ShowResult> ExecuteShow(const ShowContext& ctx, const ast::ShowStmt& stmt);

/// A VARCHAR(64) result column as SHOW statements have.
OutputColumn ShowColumn(const std::string& name, bool nullable = false, uint32_t chars = 64);

/// Keeps the rows whose first column matches LIKE `like` (MySQL's SHOW ... LIKE) or
/// for which `where` (over the result's column names) is true.
Status FilterShowRows(const std::optional<std::string>& like, const ast::Expr* where,
                      const EvalContext& eval, ShowResult* result);

/// SHOW INDEX|KEYS FROM t (show_index.cc): one row per key column, PRIMARY first.
Result<ShowResult> ShowIndex(const ShowContext& ctx, const ast::ShowStmt& stmt);

/// SHOW COLUMNS' Key: PRI (primary key, or the first single-column UNIQUE NOT NULL
/// key of a table without one), UNI (leads a single-column UNIQUE key), MUL (leads
/// another key), or "" (show_index.cc).
std::string ColumnKeyFlag(const storage::TableSchema& table, size_t column);

/// The CREATE TABLE statement SHOW CREATE TABLE prints for `table`; an
/// `auto_increment` counter above 1 is printed as the AUTO_INCREMENT=N option.
/// DEFAULT / ON UPDATE CURRENT_TIMESTAMP as MariaDB prints it for `column`:
/// current_timestamp() or current_timestamp(fsp).
std::string CurrentTimestampText(const storage::ColumnDef& column);

std::string ShowCreateTableText(const storage::TableSchema& table, uint64_t auto_increment = 0);

/// SHOW TABLE STATUS [FROM db] (show_table_status.cc): information_schema.TABLES'
/// rows for the database under SHOW's column names.
Result<ShowResult> ShowTableStatus(const ShowContext& ctx, const ast::ShowStmt& stmt);

}  // namespace minisql::sql
