// privilege_check.h — the one place that decides whether a statement may run.
//
// Every statement passes here before it is executed (StatementRunner::Run):
//
//   parsed statement ──► RequiredPrivileges(stmt)  ──► [ {SELECT, shop.items},
//                        (walks the AST: FROM items,     {INSERT, shop.orders}, ... ]
//                         joins, subqueries, views,                │
//                         INSERT ... SELECT sources)               ▼
//   the account's grants (privilege_table.h) ──────► CheckRequirements ──► OK / error
//
// The errors are MySQL's: 1142 "SELECT command denied ... for table `db`.`t`" for a
// table, 1044 "Access denied ... to database 'db'" for a database, 1227 "you need (at
// least one of) the CREATE USER privilege(s)" for a server-wide operation.
//
// What each statement needs (a simplification of MySQL's rules, documented in
// docs/privileges.md):
//
//   SELECT / subquery / join / view   SELECT on every table or view read
//   INSERT                            INSERT on the target (+ UPDATE for ON DUPLICATE
//                                     KEY UPDATE, + DELETE for REPLACE)
//   UPDATE, DELETE                    UPDATE / DELETE on the target(s), SELECT on the
//                                     tables only read (joins, subqueries)
//   CREATE TABLE / VIEW, DROP ...     CREATE / DROP on the table or view
//   CREATE INDEX, DROP INDEX          INDEX on the table;  ALTER TABLE: ALTER
//   CREATE / DROP DATABASE            CREATE / DROP on the database (1044)
//   USE db, SHOW TABLES FROM db       any privilege in the database (1044)
//   SHOW COLUMNS / CREATE TABLE / INDEX   SELECT on the table
//   CREATE/ALTER/DROP/RENAME USER     CREATE USER (1227); changing one's own password
//                                     needs nothing
//   SET GLOBAL                        SUPER (1227)
//   GRANT / REVOKE ... ON level       GRANT OPTION and the privileges themselves at that
//                                     level
//
// A view is checked as an object of its own: reading it needs SELECT on the view, not
// on the tables it reads (MySQL's default SQL SECURITY DEFINER).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "session/privilege_table.h"
#include "session/session_state.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql {

struct PrivilegeRequirement {
  enum class Scope {
    kTable,          // `privilege` on database.table (1142)
    kDatabase,       // `privilege` on all of database (1044)
    kAnyInDatabase,  // some privilege in database (USE; 1044)
    kGlobal,         // `privilege` on *.* (1227)
    kAccounts,       // CREATE USER on *.*, reported as MariaDB does for mysql.* (1044 'mysql')
  };
  Scope scope = Scope::kTable;
  Privilege privilege = kSelectPrivilege;
  std::string database;
  std::string table;
};

/// Who runs the statement: the account it authenticated as.
struct StatementIssuer {
  std::string user;  // the account's user and host pattern ('%', 'localhost', ...)
  std::string host;
};

/// What `stmt` needs, with unqualified names taken from `current_database` (names with
/// no database and none selected are skipped: the statement fails with 1046 later).
std::vector<PrivilegeRequirement> RequiredPrivileges(const sql::ast::Stmt& stmt,
                                                     const std::string& current_database,
                                                     const StatementIssuer& issuer);

/// OK, or MySQL's error for the first requirement `privileges` do not meet.
Status CheckRequirements(const AccountPrivileges& privileges,
                         const std::vector<PrivilegeRequirement>& requirements,
                         const StatementIssuer& issuer);

// --- The session's side (statement_access.cc) -----------------------------------------

/// The current grants of the session's account, read from the catalog for every
/// statement so that a GRANT or REVOKE applies to open sessions at once (as MySQL's
/// table- and database-level grants do). None if the account no longer exists.
Result<AccountPrivileges> LoadSessionPrivileges(storage::StorageEngine* storage,
                                                const SessionState& session);
/// What StatementRunner::Run asks before running `stmt`.
Status CheckStatementPrivileges(storage::StorageEngine* storage, const SessionState& session,
                                const sql::ast::Stmt& stmt);
/// USE, COM_INIT_DB and the database named at login: 1044 unless the account holds some
/// privilege in `database`.
Status CheckDatabaseAccess(storage::StorageEngine* storage, const SessionState& session,
                           const std::string& database);
/// SHOW DATABASES / SHOW TABLES: drops the rows (first column: a database name, or a
/// table name of `database`) the account holds no privilege on.
Status FilterVisibleNames(storage::StorageEngine* storage, const SessionState& session,
                          const std::string& database, std::vector<Row>* rows);

}  // namespace minisql
