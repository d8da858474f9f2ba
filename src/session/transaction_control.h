// transaction_control.h — which storage transaction a statement runs in, and the
// session's transaction statements (BEGIN, COMMIT, ROLLBACK, SAVEPOINT ...).
//
// A session is in one of two states (SessionState::transaction null or not):
//
//                  BEGIN / START TRANSACTION, or any statement while autocommit=0
//   ┌────────────┐ ─────────────────────────────────────────────► ┌──────────────┐
//   │ no open    │                                                 │ open         │
//   │ transaction│ ◄───────────────────────────────────────────── │ transaction  │
//   └────────────┘  COMMIT, ROLLBACK, DDL (implicit commit), BEGIN └──────────────┘
//                   (implicit commit), SET autocommit 0->1, a deadlock (rolled back),
//                   disconnect (rolled back)
//
// A statement runs in a StatementScope. With no open transaction and autocommit on it
// is a transaction of its own, committed when the statement succeeds. Inside an open
// transaction it is a part of it: a savepoint is taken when the statement starts, and a
// statement that fails is rolled back to it (statement atomicity) — unless it was a
// deadlock victim, whose whole transaction the engine has already rolled back.
#pragma once

#include <memory>

#include "session/session_state.h"
#include "storage/storage_engine.h"

namespace minisql {

/// The options of a transaction starting now: isolation (the next-transaction
/// setting if any, else @@tx_isolation), lock wait timeout (the smaller of
/// @@innodb_lock_wait_timeout and @@lock_wait_timeout). Consumes the
/// next-transaction settings.
storage::TransactionOptions NextTransactionOptions(SessionState* state, bool* read_only);

/// Commits the session's open transaction, if any (an implicit commit).
Status CommitOpenTransaction(storage::StorageEngine* storage, SessionState* state);
/// Rolls back the session's open transaction, if any.
void RollbackOpenTransaction(storage::StorageEngine* storage, SessionState* state);

class StatementScope {
 public:
  /// Joins the session's open transaction (starting one first when autocommit is
  /// off), or begins a transaction of one statement.
  static Result<std::unique_ptr<StatementScope>> Begin(storage::StorageEngine* storage,
                                                       SessionState* state,
                                                       storage::AccessMode mode);
  StatementScope(const StatementScope&) = delete;
  StatementScope& operator=(const StatementScope&) = delete;
  /// Not finished: the statement failed; undo it (see the top of this file).
  ~StatementScope();

  storage::Transaction* get() const { return txn_; }
  /// The statement succeeded: commits a transaction of one statement.
  Status Finish();

 private:
  StatementScope(storage::StorageEngine* storage, SessionState* state)
      : storage_(storage), state_(state) {}

  storage::StorageEngine* storage_;
  SessionState* state_;
  std::unique_ptr<storage::Transaction> own_;  // a transaction of one statement
  storage::Transaction* txn_ = nullptr;
  uint64_t savepoint_ = 0;
  bool finished_ = false;
};

}  // namespace minisql
