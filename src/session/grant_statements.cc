// grant_statements.cc — GRANT, REVOKE, RENAME USER and SHOW GRANTS.
//
// The grants live in each account's catalog record (UserRecord::privileges, encoded by
// AccountPrivileges in privilege_table.h), so a GRANT is: read the record, change the
// decoded grants, write the record back — one transaction per statement, all accounts
// or none. Whether the issuer may run the statement was decided before it got here
// (privilege_check.h). Errors follow MariaDB:
//
//   GRANT ... TO a missing account             1133 Can't find any matching row
//   GRANT ... ON db.t where t does not exist   1146
//   REVOKE at a db/table level never granted   1141 / 1147 There is no such grant ...
//   REVOKE ALL ..., GRANT OPTION FROM missing  1269
//   RENAME USER of a missing / onto an
//   existing account                           1396 Operation RENAME USER failed for ...
//   SHOW GRANTS FOR a missing account          1141
//
// Unlike MariaDB, RENAME USER changes all listed accounts or none.
#include "session/account_passwords.h"
#include "session/privilege_table.h"
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "session/transaction_control.h"
#include "sql/executor/show_executor.h"

namespace minisql {

namespace {

using Account = sql::ast::AccountStmt::Account;
using Action = sql::ast::GrantStmt::Action;

std::string Quoted(const std::string& user, const std::string& host) {
  return "'" + user + "'@'" + host + "'";
}

// The " IDENTIFIED ..." part of SHOW GRANTS' first line, as MariaDB prints it.
std::string IdentifiedClause(const storage::UserRecord& account) {
  if (account.auth_string.empty()) return "";
  if (account.plugin == kNativePasswordPluginName) {
    return " IDENTIFIED BY PASSWORD '" + account.auth_string + "'";
  }
  return " IDENTIFIED VIA " + account.plugin + " USING '" + account.auth_string + "'";
}

}  // namespace

Status StatementRunner::RunGrant(const sql::ast::GrantStmt& stmt) {
  if (stmt.action == Action::kRename) return RunRenameUser(stmt);
  if (stmt.action == Action::kShowGrants) return RunShowGrants(stmt);
  PrivilegeLevel level;
  PrivilegeSet privileges = 0;
  if (stmt.action != Action::kRevokeAll) {
    level.database = stmt.database.empty() ? state_->current_database : stmt.database;
    level.table = stmt.table;
    if (level.database.empty()) return Status::Error(ErrorCode::kNoDb);
    Result<PrivilegeSet> named = ParsePrivilegeNames(stmt.privileges, level);
    if (!named.ok()) return named.status();
    privileges = *named;
    if (stmt.with_grant_option) privileges |= kGrantOptionPrivilege;
  }
  // Like the other account statements, GRANT commits the open transaction first.
  MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(context_->storage(), state_));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  storage::StorageEngine* storage = context_->storage();
  if (stmt.action == Action::kGrant && level.is_table()) {
    // Only existing tables (or views) can be granted on; 1146 otherwise.
    auto table = storage->GetTable(txn->get(), level.database, level.table);
    if (!table.ok()) return table.status();
  }
  for (const Account& grantee : stmt.accounts) {
    std::string user = grantee.current_user ? state_->account_user : grantee.user;
    std::string host = grantee.current_user ? state_->account_host : grantee.host;
    Result<std::optional<storage::UserRecord>> found = storage->FindUser(txn->get(), user, host);
    if (!found.ok()) return found.status();
    if (!found->has_value()) {
      if (stmt.action == Action::kGrant) return Status::Error(ErrorCode::kPasswordNoMatch);
      if (stmt.action == Action::kRevokeAll) return Status::Error(ErrorCode::kRevokeGrants);
      return Status::Error(ErrorCode::kNonexistingGrant, user, host);
    }
    storage::UserRecord record = **found;
    Result<AccountPrivileges> grants = AccountPrivileges::Decode(record.privileges);
    if (!grants.ok()) return grants.status();
    if (stmt.action == Action::kGrant) {
      grants->Grant(level, privileges);
    } else if (stmt.action == Action::kRevokeAll) {
      grants->RevokeEverything();
    } else if (!grants->Revoke(level, privileges)) {
      if (level.is_table()) {
        return Status::Error(ErrorCode::kNonexistingTableGrant, user, host, level.table);
      }
      return Status::Error(ErrorCode::kNonexistingGrant, user, host);
    }
    record.privileges = grants->Encode();
    Result<bool> updated = storage->UpdateUser(txn->get(), record);
    if (!updated.ok()) return updated.status();
  }
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

Status StatementRunner::RunRenameUser(const sql::ast::GrantStmt& stmt) {
  MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(context_->storage(), state_));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  storage::StorageEngine* storage = context_->storage();
  std::string failed;  // "'a'@'%','b'@'h'", as CREATE USER reports it
  for (size_t i = 0; i + 1 < stmt.accounts.size(); i += 2) {
    const Account& from = stmt.accounts[i];
    const Account& to = stmt.accounts[i + 1];
    std::string from_user = from.current_user ? state_->account_user : from.user;
    std::string from_host = from.current_user ? state_->account_host : from.host;
    // Pairs apply in order, so `RENAME USER a TO b, b TO c` sees the first rename.
    Result<std::optional<storage::UserRecord>> source =
        storage->FindUser(txn->get(), from_user, from_host);
    if (!source.ok()) return source.status();
    Result<std::optional<storage::UserRecord>> target =
        storage->FindUser(txn->get(), to.user, to.host);
    if (!target.ok()) return target.status();
    if (!source->has_value() || target->has_value()) {
      failed += (failed.empty() ? "" : ",") + Quoted(from_user, from_host);
      continue;
    }
    storage::UserRecord record = **source;
    Result<bool> dropped = storage->DropUser(txn->get(), from_user, from_host);
    if (!dropped.ok()) return dropped.status();
    record.user = to.user;
    record.host = to.host;
    MINISQL_RETURN_IF_ERROR(storage->CreateUser(txn->get(), record));
  }
  if (!failed.empty()) return Status::Error(ErrorCode::kCannotUser, "RENAME USER", failed);
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

Status StatementRunner::RunShowGrants(const sql::ast::GrantStmt& stmt) {
  std::string user = state_->account_user;
  std::string host = state_->account_host;
  if (!stmt.accounts.empty() && !stmt.accounts[0].current_user) {
    user = stmt.accounts[0].user;
    host = stmt.accounts[0].host;
  }
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  Result<std::optional<storage::UserRecord>> found =
      context_->storage()->FindUser(txn->get(), user, host);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Error(ErrorCode::kNonexistingGrant, user, host);
  Result<AccountPrivileges> grants = AccountPrivileges::Decode((*found)->privileges);
  if (!grants.ok()) return grants.status();
  std::vector<Row> rows;
  for (std::string& line : grants->ShowGrants(user, host, IdentifiedClause(**found))) {
    rows.push_back(Row{Value::String(std::move(line))});
  }
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  SendResultSet({sql::ShowColumn("Grants for " + user + "@" + host, false, 1024)}, rows);
  return Status::OK();
}

}  // namespace minisql
