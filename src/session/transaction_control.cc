// transaction_control.cc — see transaction_control.h. Also StatementRunner's
// transaction statements.
#include "session/transaction_control.h"

#include <algorithm>

#include "session/statement_runner.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

int64_t IntVariable(const SessionState& state, const char* name, int64_t fallback) {
  const SystemVariableDef* def = state.globals()->Find(name);
  if (def == nullptr) return fallback;
  Value value = state.SessionValue(*def);
  return value.kind() == Value::Kind::kInt ? value.int_value() : fallback;
}

std::string TextVariable(const SessionState& state, const char* name) {
  const SystemVariableDef* def = state.globals()->Find(name);
  return def == nullptr ? "" : state.SessionValue(*def).ToText();
}

bool SameName(const std::string& a, const std::string& b) {
  return ToLower(a) == ToLower(b);
}

}  // namespace

storage::TransactionOptions NextTransactionOptions(SessionState* state, bool* read_only) {
  storage::TransactionOptions options;
  std::string isolation = state->next_isolation.value_or(TextVariable(*state, "tx_isolation"));
  options.isolation = isolation == "READ-COMMITTED" ? storage::IsolationLevel::kReadCommitted
                                                    : storage::IsolationLevel::kRepeatableRead;
  *read_only = state->next_read_only.value_or(IntVariable(*state, "tx_read_only", 0) != 0);
  state->next_isolation.reset();
  state->next_read_only.reset();
  int64_t seconds = std::min(IntVariable(*state, "innodb_lock_wait_timeout", 50),
                             IntVariable(*state, "lock_wait_timeout", 86400));
  options.lock_wait_timeout = std::chrono::seconds(std::max<int64_t>(seconds, 0));
  options.interrupt = state->interrupt;  // KILL ends the transaction's row lock waits
  return options;
}

Status CommitOpenTransaction(storage::StorageEngine* storage, SessionState* state) {
  if (!state->transaction) return Status::OK();
  Status status = storage->Commit(state->transaction.get());
  state->transaction.reset();  // committed, or rolled back by the failed commit
  state->savepoints.clear();
  return status;
}

void RollbackOpenTransaction(storage::StorageEngine* storage, SessionState* state) {
  if (!state->transaction) return;
  storage->Rollback(state->transaction.get());
  state->transaction.reset();
  state->savepoints.clear();
}

namespace {

Status BeginSessionTransaction(storage::StorageEngine* storage, SessionState* state, bool read_only,
                               bool consistent_snapshot) {
  bool read_only_by_default = false;
  storage::TransactionOptions options = NextTransactionOptions(state, &read_only_by_default);
  options.consistent_snapshot = consistent_snapshot;
  Result<std::unique_ptr<storage::Transaction>> txn =
      storage->Begin(read_only || read_only_by_default ? storage::AccessMode::kReadOnly
                                                       : storage::AccessMode::kReadWrite,
                     options);
  if (!txn.ok()) return txn.status();
  state->transaction = std::move(*txn);
  state->savepoints.clear();
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<StatementScope>> StatementScope::Begin(storage::StorageEngine* storage,
                                                              SessionState* state,
                                                              storage::AccessMode mode) {
  std::unique_ptr<StatementScope> scope(new StatementScope(storage, state));
  if (!state->transaction && !state->autocommit()) {
    MINISQL_RETURN_IF_ERROR(BeginSessionTransaction(storage, state, false, false));
  }
  if (state->transaction) {
    scope->txn_ = state->transaction.get();
    storage->BeginStatement(scope->txn_);
    Result<uint64_t> savepoint = storage->Savepoint(scope->txn_);
    if (!savepoint.ok()) return savepoint.status();
    scope->savepoint_ = *savepoint;
    return scope;
  }
  bool read_only = false;
  storage::TransactionOptions options = NextTransactionOptions(state, &read_only);
  Result<std::unique_ptr<storage::Transaction>> txn =
      storage->Begin(read_only ? storage::AccessMode::kReadOnly : mode, options);
  if (!txn.ok()) return txn.status();
  scope->own_ = std::move(*txn);
  scope->txn_ = scope->own_.get();
  return scope;
}

Status StatementScope::Finish() {
  finished_ = true;
  if (!own_) return Status::OK();
  Status status = storage_->Commit(own_.get());
  own_.reset();
  return status;
}

StatementScope::~StatementScope() {
  if (finished_) return;
  if (own_) {
    storage_->Rollback(own_.get());
    return;
  }
  if (state_->transaction.get() != txn_) return;  // already ended
  if (storage_->IsAborted(txn_)) {
    RollbackOpenTransaction(storage_, state_);  // a deadlock victim: all of it is gone
  } else {
    storage_->RollbackToSavepoint(txn_, savepoint_);
  }
}

// --- Transaction statements --------------------------------------------------------------

Status StatementRunner::RunTransaction(const ast::TransactionStmt& stmt) {
  storage::StorageEngine* storage = context_->storage();
  switch (stmt.action) {
    case ast::TransactionStmt::Action::kBegin:
      // BEGIN inside a transaction commits it first (an implicit commit).
      MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(storage, state_));
      MINISQL_RETURN_IF_ERROR(
          BeginSessionTransaction(storage, state_, stmt.read_only, stmt.consistent_snapshot));
      break;
    case ast::TransactionStmt::Action::kCommit:
      MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(storage, state_));
      break;
    case ast::TransactionStmt::Action::kRollback:
      RollbackOpenTransaction(storage, state_);
      break;
    case ast::TransactionStmt::Action::kSavepoint: {
      if (!state_->transaction && !state_->autocommit()) {
        MINISQL_RETURN_IF_ERROR(BeginSessionTransaction(storage, state_, false, false));
      }
      if (!state_->transaction) break;  // autocommit: nothing to roll back to, as MySQL
      Result<uint64_t> position = storage->Savepoint(state_->transaction.get());
      if (!position.ok()) return position.status();
      auto& savepoints = state_->savepoints;
      // A savepoint with the same name is replaced.
      savepoints.erase(
          std::remove_if(savepoints.begin(), savepoints.end(),
                         [&](const auto& s) { return SameName(s.first, stmt.savepoint); }),
          savepoints.end());
      savepoints.emplace_back(stmt.savepoint, *position);
      break;
    }
    case ast::TransactionStmt::Action::kRollbackToSavepoint:
    case ast::TransactionStmt::Action::kRelease: {
      auto& savepoints = state_->savepoints;
      auto it = std::find_if(savepoints.begin(), savepoints.end(),
                             [&](const auto& s) { return SameName(s.first, stmt.savepoint); });
      if (it == savepoints.end() || !state_->transaction) {
        return Status::Error(ErrorCode::kSpDoesNotExist, "SAVEPOINT", stmt.savepoint);
      }
      if (stmt.action == ast::TransactionStmt::Action::kRelease) {
        savepoints.erase(it, savepoints.end());  // later savepoints go too
        break;
      }
      MINISQL_RETURN_IF_ERROR(storage->RollbackToSavepoint(state_->transaction.get(), it->second));
      savepoints.erase(it + 1, savepoints.end());  // the savepoint itself stays
      break;
    }
  }
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

}  // namespace minisql
