// pager_commit.cc — the pager's two-phase commit: AppendCommit under the writer
// exclusion, WaitDurable (group commit) outside it, and undoing commits whose log
// flush failed. The design and the rules for callers are in pager.h; the leader/
// follower flush itself is in wal/log_writer.h.
#include <cstring>

#include "common/log.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

Status Pager::CommitTxn(PagerTxn* txn) {
  return CommitInternal(txn, /*allow_checkpoint=*/true);
}

Result<Lsn> Pager::AppendCommit(PagerTxn* txn) {
  return AppendCommitInternal(txn, /*allow_checkpoint=*/true);
}

Status Pager::CommitInternal(PagerTxn* txn, bool allow_checkpoint) {
  Result<Lsn> lsn = AppendCommitInternal(txn, allow_checkpoint);
  if (!lsn.ok()) return lsn.status();
  Status durable = WaitDurable(*lsn);
  // The caller holds the writer exclusion, so we may undo right away.
  if (!durable.ok()) RollBackUndurableCommits();
  return durable;
}

Result<Lsn> Pager::AppendCommitInternal(PagerTxn* txn, bool allow_checkpoint) {
  if (txn == nullptr || txn->pager_ != this || txn->finished_) {
    return Status::Error(ErrorCode::kInternalError, "invalid or finished pager transaction");
  }
  if (txn->pages_.empty()) {  // read nothing for writing: nothing to log
    RollBack(txn);
    return Lsn{0};
  }
  Status failure = this->failure();
  if (!failure.ok()) {
    RollBack(txn);
    return failure;
  }

  // Log every touched page's after-image, then COMMIT. The records are only buffered;
  // WaitDurable makes them durable. The pins move to the pending list: no page of this
  // transaction may reach the data file before its log record is durable.
  // Each page is latched for the moment of stamping its LSN and copying its image;
  // the operations that changed it have given their latches back.
  txn->latches_.clear();
  Lsn commit_lsn;
  {
    std::lock_guard<std::mutex> lock(commit_mu_);
    for (PagerTxn::TouchedPage& page : txn->pages_) {
      page.pin.LatchExclusive();
      SetPageLsn(page.pin.data(), log_->next_lsn());
      log_->AppendPageImage(txn->id_, page.id, page.pin.data());
      page.pin.UnlatchExclusive();
    }
    commit_lsn = log_->AppendCommit(txn->id_);
    pending_.push_back(PendingCommit{commit_lsn, txn->page_count_before_, std::move(txn->pages_)});
  }
  txn->pages_.clear();
  txn->page_index_.clear();
  txn->finished_ = true;
  active_txn_ = nullptr;

  if (allow_checkpoint && log_->size_bytes() > checkpoint_wal_bytes_) {
    // Still under the writer exclusion: make this commit durable now, then checkpoint.
    Status durable = WaitDurable(commit_lsn);
    if (!durable.ok()) {
      RollBackUndurableCommits();
      return durable;
    }
    Status s = CheckpointInternal(/*clean_shutdown=*/false);
    // The commit itself is durable; a failed checkpoint only leaves the log long.
    if (!s.ok()) LogError("Checkpoint after commit failed: %s", s.ToString().c_str());
  }
  return commit_lsn;
}

Status Pager::WaitDurable(Lsn lsn) {
  Status synced = log_->WaitDurable(lsn);
  std::lock_guard<std::mutex> lock(commit_mu_);
  if (!synced.ok()) {
    // We cannot know whether the COMMIT reached the disk. Refuse further writes;
    // recovery will settle it.
    EnterFailedStateLocked(synced);
    return failure_;
  }
  ReleaseDurableLocked();
  return Status::OK();
}

void Pager::ReleaseDurableLocked() {
  Lsn durable = log_->durable_lsn();
  while (!pending_.empty() && pending_.front().commit_lsn <= durable) {
    // Committed and durable: the frames may now reach the data file (dirty, unpinned).
    for (PagerTxn::TouchedPage& page : pending_.front().pages) page.pin.MarkDirty();
    pending_.pop_front();
  }
}

void Pager::RollBackUndurableCommits() {
  std::lock_guard<std::mutex> lock(commit_mu_);
  ReleaseDurableLocked();  // a flush that succeeded before the failing one
  if (pending_.empty()) return;
  // Newest first: each pre-image is the state the previous commit left.
  std::vector<std::pair<WritePageGuard*, const char*>> restore;
  for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
    for (PagerTxn::TouchedPage& page : it->pages) {
      restore.emplace_back(&page.pin, page.pre_image.get());
    }
  }
  RestoreAtomically(&restore);
  page_count_ = pending_.front().page_count_before;
  pending_.clear();  // unpins
}

Status Pager::failure() const {
  std::lock_guard<std::mutex> lock(commit_mu_);
  return failure_;
}

}  // namespace minisql::storage
