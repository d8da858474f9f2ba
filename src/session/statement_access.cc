// statement_access.cc — the session's side of the privilege check: load the account's
// grants, check a statement, hide what SHOW DATABASES / SHOW TABLES must not list (see
// privilege_check.h).
#include "session/privilege_check.h"
#include "session/statement_transaction.h"

namespace minisql {

namespace {

StatementIssuer IssuerOf(const SessionState& session) {
  return StatementIssuer{session.account_user, session.account_host};
}

}  // namespace

Result<AccountPrivileges> LoadSessionPrivileges(storage::StorageEngine* storage,
                                                const SessionState& session) {
  // Its own read-only transaction: the statement's has not begun yet, and a snapshot
  // reader never waits for the session's open transaction.
  auto txn = StatementTransaction::Begin(storage, storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  Result<std::optional<storage::UserRecord>> account =
      storage->FindUser(txn->get(), session.account_user, session.account_host);
  if (!account.ok()) return account.status();
  if (!account->has_value()) return AccountPrivileges();  // dropped meanwhile: nothing
  return AccountPrivileges::Decode((*account)->privileges);
}

Status CheckStatementPrivileges(storage::StorageEngine* storage, const SessionState& session,
                                const sql::ast::Stmt& stmt) {
  if (stmt.kind == sql::ast::StmtKind::kEmpty || stmt.kind == sql::ast::StmtKind::kTransaction) {
    return Status::OK();
  }
  Result<AccountPrivileges> privileges = LoadSessionPrivileges(storage, session);
  if (!privileges.ok()) return privileges.status();
  StatementIssuer issuer = IssuerOf(session);
  std::vector<PrivilegeRequirement> needed =
      RequiredPrivileges(stmt, session.current_database, issuer);
  return CheckRequirements(*privileges, needed, issuer);
}

Status CheckDatabaseAccess(storage::StorageEngine* storage, const SessionState& session,
                           const std::string& database) {
  Result<AccountPrivileges> privileges = LoadSessionPrivileges(storage, session);
  if (!privileges.ok()) return privileges.status();
  if (privileges->AnyInDatabase(database)) return Status::OK();
  return Status::Error(ErrorCode::kDbAccessDenied, session.account_user, session.account_host,
                       database);
}

Status FilterVisibleNames(storage::StorageEngine* storage, const SessionState& session,
                          const std::string& database, std::vector<Row>* rows) {
  Result<AccountPrivileges> privileges = LoadSessionPrivileges(storage, session);
  if (!privileges.ok()) return privileges.status();
  std::vector<Row> kept;
  for (Row& row : *rows) {
    const std::string& name = row[0].string_value();
    bool visible = database.empty()
                       ? privileges->AnyInDatabase(name)
                       : (privileges->OnTable(database, name) & ~kGrantOptionPrivilege) != 0;
    if (visible) kept.push_back(std::move(row));
  }
  *rows = std::move(kept);
  return Status::OK();
}

}  // namespace minisql
