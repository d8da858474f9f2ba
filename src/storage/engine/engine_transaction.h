// engine_transaction.h — the storage engine's Transaction: a snapshot, a private
// write set and row locks (storage/txn/), plus, for DDL only, the engine's DDL latch and a
// PagerTxn.
//
// Life of a transaction (btree_storage_engine.cc, engine_commit.cc):
//
//   Begin ──► reads: snapshot acquired at the first snapshot read (REPEATABLE READ),
//   │         or per statement (READ COMMITTED), or at Begin (WITH CONSISTENT SNAPSHOT)
//   │   ──► writes: row X lock, then the change goes into the WriteSet
//   │   ──► DDL: DDL latch taken exclusively + PagerTxn, held until the end
//   ▼
//   Commit: writer mutex ─► old versions recorded, WriteSet applied in one PagerTxn
//           (page latches; readers run on) ─► log appended ─► mutex released ─► log
//           fsynced ─► commit published to new snapshots ─► row locks released,
//           snapshot released
//   Rollback: WriteSet dropped (or PagerTxn aborted for DDL) ─► locks, snapshot released
//
// Destroying an unfinished transaction rolls it back (a client that disconnects).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>

#include "storage/pager/pager.h"
#include "storage/storage_engine.h"
#include "storage/txn/write_set.h"

namespace minisql::storage {

class BTreeStorageEngine;

class EngineTransaction : public Transaction {
 public:
  EngineTransaction(BTreeStorageEngine* engine, uint64_t id, AccessMode mode,
                    const TransactionOptions& options)
      : engine_(engine), id_(id), mode_(mode), options_(options) {}
  ~EngineTransaction() override;

  uint64_t id() const override { return id_; }
  AccessMode mode() const { return mode_; }
  const TransactionOptions& options() const { return options_; }
  bool finished() const { return finished_; }
  void set_finished() { finished_ = true; }
  /// Rolled back by the engine as a deadlock victim; waits for the caller's Rollback.
  bool aborted() const { return aborted_; }
  void set_aborted() { aborted_ = true; }

  /// The snapshot's read timestamp, if one is taken.
  std::optional<uint64_t> snapshot;
  WriteSet writes;
  /// Tables whose in-memory counters this transaction moved (stored at commit).
  std::map<uint64_t, std::shared_ptr<const TableSchema>> counter_tables;

  // --- DDL: the engine's DDL latch held exclusively until the transaction ends ----------------
  bool holds_exclusive() const { return exclusive.owns_lock(); }
  std::unique_lock<std::shared_mutex> exclusive;
  std::unique_ptr<PagerTxn> pager_txn;

 private:
  BTreeStorageEngine* engine_;
  uint64_t id_;
  AccessMode mode_;
  TransactionOptions options_;
  bool finished_ = false;
  bool aborted_ = false;
};

}  // namespace minisql::storage
