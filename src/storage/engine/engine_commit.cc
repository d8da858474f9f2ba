// engine_commit.cc — BTreeStorageEngine::Commit: how a transaction's WriteSet becomes
// the latest committed state (see btree_storage_engine.h and docs/storage.md,
// "Transactions and MVCC").
//
//   1. take the engine latch exclusively (a DDL transaction already holds it)
//   2. commit timestamp C = timestamps_.NextCommitTimestamp()
//   3. for every changed key: read the tree's current record (the "before" version),
//      write the new record or remove the key (TreeWrite, the tree write path) and
//      move its secondary index entries from the before to the new record, all in one
//      PagerTxn; store the touched tables' AUTO_INCREMENT / row id counters
//   4. pager AppendCommit: page images + COMMIT record into the log buffer (not yet
//      durable); record each "before" version in the VersionStore as superseded at C
//   5. release the latch; WaitDurable: the log is fsynced up to our COMMIT, usually
//      by one fsync shared with other committers (group commit, pager.h)
//   6. publish C: snapshots taken from now on see the commit; then release the row
//      locks (waiters retry on the new rows), then the snapshot (old versions nobody
//      needs are collected)
//
// Steps 3-4 run under the exclusive latch, so readers see either none or all of a
// commit, and snapshots older than C find the "before" versions in the VersionStore
// the moment they can see the new tree pages. Between 5 and 6 the commit is in the
// trees but invisible: every snapshot is older than C. Row locks stay held until the
// commit is durable, so no writer builds on a commit that could still be lost.
// Commit timestamps and LSNs are assigned in the same order under the latch, so when
// C is durable every earlier commit is too, and publishing the largest durable C is
// safe. A failure at 3 or 4 aborts the PagerTxn (every page restored); a failed fsync
// at 5 takes the latch again and rolls back every commit that is not durable
// (RollBackUndurableCommits). Either way the transaction is rolled back. DDL keeps
// the latch through its whole commit (it already holds it exclusively).
#include "common/log.h"
#include "storage/btree/btree.h"
#include "storage/engine/btree_storage_engine.h"

namespace minisql::storage {

Status BTreeStorageEngine::Commit(Transaction* txn) {
  Result<EngineTransaction*> open = Open(txn);
  if (!open.ok()) return open.status();
  EngineTransaction* ours = *open;
  if (ours->writes.empty() && ours->counter_tables.empty() && ours->pager_txn == nullptr) {
    EndTransaction(ours);
    return Status::OK();
  }
  std::unique_lock<std::shared_mutex> latch;
  PagerTxn* ptxn = ours->pager_txn.get();
  std::unique_ptr<PagerTxn> own_ptxn;
  if (ptxn == nullptr) {
    latch = std::unique_lock<std::shared_mutex>(latch_);
    own_ptxn = pager_->BeginTxn();
    ptxn = own_ptxn.get();
  }
  uint64_t commit_ts = timestamps_.NextCommitTimestamp();
  std::vector<Superseded> superseded;
  Status status = ApplyWrites(ours, ptxn, &superseded);
  Result<Lsn> commit_lsn = Lsn{0};
  if (!status.ok()) {
    pager_->AbortTxn(ptxn);
  } else if (!latch.owns_lock()) {
    status = pager_->CommitTxn(ptxn);  // DDL: durable before its exclusive latch ends
  } else {
    commit_lsn = pager_->AppendCommit(ptxn);  // on failure the pager rolled the pages back
    status = commit_lsn.status();
  }
  if (status.ok()) {
    for (Superseded& version : superseded) {
      versions_.Add(version.table_id, version.key, commit_ts, std::move(version.before));
    }
  }
  own_ptxn.reset();
  if (latch.owns_lock()) latch.unlock();
  if (status.ok() && *commit_lsn != 0) {
    status = pager_->WaitDurable(*commit_lsn);
    if (!status.ok()) {
      std::unique_lock<std::shared_mutex> relatch(latch_);
      pager_->RollBackUndurableCommits();
    }
  }
  if (status.ok()) {
    timestamps_.Publish(commit_ts);
  } else {
    catalog_.ClearCache();
  }
  EndDdl(ours);
  ours->writes.Clear();
  EndTransaction(ours);
  return status;
}

Status BTreeStorageEngine::ApplyWrites(EngineTransaction* txn, PagerTxn* ptxn,
                                       std::vector<Superseded>* versions) {
  for (const auto& [table_id, writes] : txn->writes.tables()) {
    if (writes.rows.empty()) continue;
    // The table may have been dropped (and even re-created) since the statement ran.
    Result<TableEntry> entry = Resolve(*writes.schema);
    if (!entry.ok()) return entry.status();
    BTree tree(pager_.get(), entry->root);
    for (const auto& [key, change] : writes.rows) {
      Result<std::optional<std::string>> before = tree.Get(key);
      if (!before.ok()) return before.status();
      if (!before->has_value() && !change.has_value()) continue;  // inserted, then deleted
      MINISQL_RETURN_IF_ERROR(TreeWrite(ptxn, *entry, key, *before, change));
      versions->push_back(Superseded{table_id, key, std::move(*before)});
    }
  }
  for (const auto& [table_id, schema] : txn->counter_tables) {
    MINISQL_RETURN_IF_ERROR(StoreCounters(ptxn, *schema));
  }
  return Status::OK();
}

// Stores the table's in-memory counters if they moved past what the catalog holds.
Status BTreeStorageEngine::StoreCounters(PagerTxn* ptxn, const TableSchema& table) {
  Result<TableEntry> entry = Resolve(table);
  if (!entry.ok()) {
    // Dropped since: its counters went with it.
    return entry.status().error_code() == ErrorCode::kNoSuchTable ? Status::OK() : entry.status();
  }
  std::optional<TableCounters> counters;
  {
    std::lock_guard<std::mutex> lock(counters_mu_);
    auto it = counters_.find(table.table_id);
    if (it != counters_.end()) counters = it->second;
  }
  if (!counters) return Status::OK();
  const TableSchema& schema = *entry->schema;
  Result<TableCounters> stored = catalog_.GetCounters(schema.database, schema.name);
  if (!stored.ok()) return stored.status();
  if (counters->next_auto_increment <= stored->next_auto_increment &&
      counters->next_row_id <= stored->next_row_id) {
    return Status::OK();
  }
  counters->next_auto_increment =
      std::max(counters->next_auto_increment, stored->next_auto_increment);
  counters->next_row_id = std::max(counters->next_row_id, stored->next_row_id);
  return catalog_.PutCounters(ptxn, schema.database, schema.name, *counters);
}

Status BTreeStorageEngine::TreeWrite(PagerTxn* ptxn, const TableEntry& entry,
                                     const std::string& key,
                                     const std::optional<std::string>& before,
                                     const std::optional<std::string>& record) {
  BTree tree(pager_.get(), entry.root);
  Result<bool> done = true;
  if (!record) {
    done = tree.Delete(ptxn, key);
  } else if (before) {
    done = tree.Update(ptxn, key, *record);
  } else {
    done = tree.Insert(ptxn, key, *record);
  }
  if (!done.ok()) return done.status();
  if (!*done) return Status::Error(ErrorCode::kInternalError, "tree changed under a row lock");
  // The secondary indexes follow in the same PagerTxn, so recovery keeps them in step.
  return WriteIndexEntries(ptxn, entry, key, before, record);
}

void BTreeStorageEngine::EndDdl(EngineTransaction* txn) {
  if (!txn->holds_exclusive()) return;
  txn->pager_txn.reset();
  ddl_epoch_.fetch_add(1);  // open cursors resolve their table again
  txn->exclusive.unlock();
}

void BTreeStorageEngine::EndTransaction(EngineTransaction* txn) {
  txn->set_finished();
  locks_.ReleaseAll(txn->id());
  ReleaseSnapshot(txn);
}

}  // namespace minisql::storage
