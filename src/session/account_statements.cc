// account_statements.cc — CREATE USER, ALTER USER, DROP USER and SET PASSWORD.
//
// Accounts live in the storage engine's catalog (UserRecord: user, host, plugin,
// auth_string); passwords are stored hashed per plugin (account_passwords.h). Each
// statement is one transaction: with several accounts, either all change or none,
// and the error names every account that failed (MySQL's 1396 "Operation CREATE USER
// failed for 'a'@'%','b'@'%'"). IF [NOT] EXISTS skips the accounts that would fail.
//
// A new account holds only USAGE; GRANT gives it more (grant_statements.cc). Its grants
// live in the same record and go with DROP USER. A changed password takes effect at the next login;
// caching_sha2_password's login cache notices the new stored string by itself.
#include "session/account_passwords.h"
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "session/transaction_control.h"

namespace minisql {

namespace {

using Account = sql::ast::AccountStmt::Account;
using Action = sql::ast::AccountStmt::Action;

std::string Quoted(const std::string& user, const std::string& host) {
  return "'" + user + "'@'" + host + "'";
}

const char* OperationName(Action action) {
  switch (action) {
    case Action::kCreate:
      return "CREATE USER";
    case Action::kAlter:
      return "ALTER USER";
    case Action::kDrop:
      return "DROP USER";
    case Action::kSetPassword:
      return "SET PASSWORD";
  }
  return "";
}

}  // namespace

Status StatementRunner::RunAccount(const sql::ast::AccountStmt& stmt) {
  // CURRENT_USER first: FindAccount opens its own transaction, which must not nest.
  std::vector<Account> accounts = stmt.accounts;
  for (Account& account : accounts) {
    if (!account.current_user) continue;
    // The account this session logged in as (its stored host may be '%').
    std::string who = state_->CurrentUser();
    size_t at = who.rfind('@');
    Result<std::optional<storage::UserRecord>> self =
        context_->FindAccount(who.substr(0, at), who.substr(at + 1));
    if (!self.ok()) return self.status();
    if (!self->has_value()) {
      return Status::Error(ErrorCode::kCannotUser, OperationName(stmt.action), who);
    }
    account.user = (*self)->user;
    account.host = (*self)->host;
  }
  // Account statements commit the open transaction first, as DDL does (MySQL).
  MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(context_->storage(), state_));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  storage::StorageEngine* storage = context_->storage();
  std::string failed;  // "'a'@'%','b'@'h'"
  for (const Account& account : accounts) {
    Result<std::optional<storage::UserRecord>> existing =
        storage->FindUser(txn->get(), account.user, account.host);
    if (!existing.ok()) return existing.status();
    bool exists = existing->has_value();
    bool creating = stmt.action == Action::kCreate;
    if (exists == creating) {  // CREATE of an existing / change of a missing account
      if (!stmt.if_clause)
        failed += (failed.empty() ? "" : ",") + Quoted(account.user, account.host);
      continue;
    }
    if (stmt.action == Action::kDrop) {
      Result<bool> dropped = storage->DropUser(txn->get(), account.user, account.host);
      if (!dropped.ok()) return dropped.status();
      continue;
    }
    storage::UserRecord record =
        exists ? **existing : storage::UserRecord{account.user, account.host, "", ""};
    if (!account.plugin.empty()) {
      record.plugin = account.plugin;
    } else if (creating) {
      record.plugin = kDefaultAuthPlugin;
    } else if (record.plugin.empty()) {
      record.plugin = kNativePasswordPluginName;
    }
    // ALTER USER ... IDENTIFIED WITH plugin (no BY) leaves no password, as in MySQL.
    Result<std::string> hash = HashPassword(record.plugin, account.password);
    if (!hash.ok()) return hash.status();
    if (account.has_password || !account.plugin.empty() || creating) record.auth_string = *hash;
    Status changed = creating ? storage->CreateUser(txn->get(), record)
                              : storage->UpdateUser(txn->get(), record).status();
    MINISQL_RETURN_IF_ERROR(changed);
  }
  if (!failed.empty()) {
    return Status::Error(ErrorCode::kCannotUser, OperationName(stmt.action), failed);
  }
  MINISQL_RETURN_IF_ERROR(txn->Commit());
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

Status StatementRunner::RunSetPassword(const sql::ast::SetStmt::Item& item) {
  // SET PASSWORD = 'pw': the current account. (SET PASSWORD FOR is an AccountStmt.)
  const auto* literal = dynamic_cast<const sql::ast::LiteralExpr*>(item.value.get());
  if (literal == nullptr || literal->value.kind() != Value::Kind::kString) {
    return Status::Error(ErrorCode::kNotSupportedYet, "SET PASSWORD = <expression>");
  }
  sql::ast::AccountStmt stmt;
  stmt.action = Action::kSetPassword;
  Account self;
  self.current_user = true;
  self.has_password = true;
  self.password = literal->value.string_value();
  stmt.accounts.push_back(std::move(self));
  return RunAccount(stmt);
}

}  // namespace minisql
