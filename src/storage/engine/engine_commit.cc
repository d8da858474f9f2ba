// engine_commit.cc — BTreeStorageEngine::Commit: how a transaction's WriteSet becomes
// the latest committed state (see btree_storage_engine.h and docs/storage.md,
// "Transactions and MVCC" and "Page latches").
//
//   1. take the DDL latch SHARED and the writer mutex (a DDL transaction already holds
//      the DDL latch exclusively, which keeps every commit out)
//   2. commit timestamp C = timestamps_.NextCommitTimestamp()
//   3. for every changed key: read the tree's current record (the "before" version),
//      record it in the VersionStore as superseded at C, THEN write the new record or
//      remove the key (TreeWrite, the tree write path) and move its secondary index
//      entries, all in one PagerTxn; store the touched tables' AUTO_INCREMENT / row id
//      counters
//   4. pager AppendCommit: page images + COMMIT record into the log buffer (not yet
//      durable)
//   5. release the writer mutex and the latch; WaitDurable: the log is fsynced up to
//      our COMMIT, usually by one fsync shared with other committers (group commit,
//      pager.h)
//   6. publish C: snapshots taken from now on see the commit; then release the row
//      locks (waiters retry on the new rows), then the snapshot (old versions nobody
//      needs are collected)
//
// Readers are NOT kept out of steps 3-4: they run concurrently, kept apart from the
// writer by page latches only (B+ tree latch crabbing, btree.h), so they may see a
// commit half applied. That is harmless because every snapshot is older than C until
// step 6, and a snapshot reads the tree first and the VersionStore second: the version
// a key loses is in the store before the tree changes (step 3's order), so it finds
// the old state of every key C touched, whichever pages it saw. Current reads
// (locking reads, UNIQUE checks) read the latest tree, but only of keys they hold a
// row lock on, which a committer keeps until step 6.
//
// Commits serialise on the writer mutex: one PagerTxn, one WAL append order, one
// commit timestamp order at a time (a deliberate simplification: the apply step is
// short and CPU bound, the fsync, which is not, is shared outside it). Commit
// timestamps and LSNs are assigned in the same order under it, so when C is durable
// every earlier commit is too, and publishing the largest durable C is safe. A failure
// at 3 or 4 aborts the PagerTxn (every page restored at once under its latches); a
// failed fsync at 5 takes the mutex again and rolls back every commit that is not
// durable (RollBackUndurableCommits). Either way the transaction is rolled back; the
// versions it recorded stay, harmlessly: each holds the state the key kept all along.
// DDL keeps its exclusive latch through its whole commit.
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
  std::shared_lock<std::shared_mutex> ddl;  // a DDL transaction holds it exclusively
  std::unique_lock<std::mutex> writer;
  PagerTxn* ptxn = ours->pager_txn.get();
  std::unique_ptr<PagerTxn> own_ptxn;
  if (ptxn == nullptr) {
    ddl = std::shared_lock<std::shared_mutex>(ddl_latch_);
    writer = std::unique_lock<std::mutex>(writer_mu_);
    own_ptxn = pager_->BeginTxn();
    ptxn = own_ptxn.get();
  }
  uint64_t commit_ts = timestamps_.NextCommitTimestamp();
  Status status = ApplyWrites(ours, ptxn, commit_ts);
  Result<Lsn> commit_lsn = Lsn{0};
  if (!status.ok()) {
    pager_->AbortTxn(ptxn);
  } else if (!writer.owns_lock()) {
    status = pager_->CommitTxn(ptxn);  // DDL: durable before its exclusive latch ends
  } else {
    commit_lsn = pager_->AppendCommit(ptxn);  // on failure the pager rolled the pages back
    status = commit_lsn.status();
  }
  own_ptxn.reset();
  if (writer.owns_lock()) {
    writer.unlock();
    ddl.unlock();
  }
  if (status.ok() && *commit_lsn != 0) {
    status = pager_->WaitDurable(*commit_lsn);
    if (!status.ok()) {
      std::shared_lock<std::shared_mutex> reddl(ddl_latch_);
      std::lock_guard<std::mutex> rewriter(writer_mu_);
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

Status BTreeStorageEngine::ApplyWrites(EngineTransaction* txn, PagerTxn* ptxn, uint64_t commit_ts) {
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
      // The old state first, then the tree: concurrent snapshots rely on that order.
      versions_.Add(table_id, key, commit_ts, *before);
      MINISQL_RETURN_IF_ERROR(TreeWrite(ptxn, *entry, key, *before, change));
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
