// engine_transaction.cc — see engine_transaction.h.
#include "storage/engine/engine_transaction.h"

#include "storage/engine/btree_storage_engine.h"

namespace minisql::storage {

EngineTransaction::EngineTransaction(BTreeStorageEngine* engine, uint64_t id, AccessMode mode,
                                     std::shared_mutex* latch, Pager* pager)
    : engine_(engine), id_(id), mode_(mode) {
  if (mode == AccessMode::kReadOnly) {
    shared_ = std::shared_lock<std::shared_mutex>(*latch);
  } else {
    // Only the holder of the exclusive lock may start a PagerTxn (one writer at a time).
    exclusive_ = std::unique_lock<std::shared_mutex>(*latch);
    pager_txn_ = pager->BeginTxn();
  }
}

EngineTransaction::~EngineTransaction() {
  // Roll back while the lock is still held (members are destroyed after this body).
  if (!finished_) engine_->Rollback(this);
}

void EngineTransaction::Finish() {
  finished_ = true;
  if (shared_.owns_lock()) shared_.unlock();
  if (exclusive_.owns_lock()) exclusive_.unlock();
}

}  // namespace minisql::storage
