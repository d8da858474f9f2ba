// statement_transaction.h — the transaction of one autocommit statement, as an RAII
// guard: committed explicitly, rolled back if it goes out of scope uncommitted
// (every early error return rolls the statement back).
#pragma once

#include <memory>

#include "storage/storage_engine.h"

namespace minisql {

class StatementTransaction {
 public:
  static Result<StatementTransaction> Begin(storage::StorageEngine* storage,
                                            storage::AccessMode mode) {
    Result<std::unique_ptr<storage::Transaction>> txn = storage->Begin(mode);
    if (!txn.ok()) return txn.status();
    return StatementTransaction(storage, std::move(*txn));
  }
  StatementTransaction(StatementTransaction&&) = default;
  StatementTransaction& operator=(StatementTransaction&&) = delete;
  ~StatementTransaction() {
    if (txn_) storage_->Rollback(txn_.get());
  }

  storage::Transaction* get() const { return txn_.get(); }
  Status Commit() {
    Status status = storage_->Commit(txn_.get());
    if (status.ok()) txn_.reset();  // committed: nothing to roll back
    return status;
  }

 private:
  StatementTransaction(storage::StorageEngine* storage, std::unique_ptr<storage::Transaction> txn)
      : storage_(storage), txn_(std::move(txn)) {}
  storage::StorageEngine* storage_;
  std::unique_ptr<storage::Transaction> txn_;
};

}  // namespace minisql
