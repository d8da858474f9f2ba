// engine_transaction.h — the storage engine's Transaction: a latch plus a PagerTxn.
//
// Concurrency in this first cut is one engine-wide std::shared_mutex:
//
//   Begin(kReadOnly)   ── shared lock ──────────────► Commit / Rollback: unlock
//   Begin(kReadWrite)  ── exclusive lock + PagerTxn ─► Commit:   pager commit, unlock
//                                                     Rollback: pager abort, catalog
//                                                               cache cleared, unlock
//
// The transaction object owns its lock, so the lock can never outlive it; destroying
// an unfinished read-write transaction rolls it back.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>

#include "storage/pager/pager.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

class BTreeStorageEngine;

class EngineTransaction : public Transaction {
 public:
  /// Takes `latch` (shared or exclusive by `mode`), blocking until it is available;
  /// then, for a read-write transaction, begins a PagerTxn on `pager`.
  EngineTransaction(BTreeStorageEngine* engine, uint64_t id, AccessMode mode,
                    std::shared_mutex* latch, Pager* pager);
  ~EngineTransaction() override;

  uint64_t id() const override { return id_; }
  AccessMode mode() const { return mode_; }
  bool finished() const { return finished_; }
  /// The pager transaction of a read-write transaction (null for read-only).
  PagerTxn* pager_txn() const { return pager_txn_.get(); }

  /// Marks the transaction over and releases its lock (called by the engine).
  void Finish();

 private:
  BTreeStorageEngine* engine_;
  uint64_t id_;
  AccessMode mode_;
  bool finished_ = false;
  std::shared_lock<std::shared_mutex> shared_;
  std::unique_lock<std::shared_mutex> exclusive_;
  std::unique_ptr<PagerTxn> pager_txn_;
};

}  // namespace minisql::storage
