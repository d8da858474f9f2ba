// transaction_manager.cc — see transaction_manager.h.
#include "storage/txn/transaction_manager.h"

namespace minisql::storage {

uint64_t TransactionManager::AcquireSnapshot() {
  std::lock_guard<std::mutex> lock(mu_);
  ++snapshots_[published_];
  return published_;
}

void TransactionManager::ReleaseSnapshot(uint64_t read_ts) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = snapshots_.find(read_ts);
  if (it == snapshots_.end()) return;
  if (--it->second == 0) snapshots_.erase(it);
}

uint64_t TransactionManager::NextCommitTimestamp() {
  std::lock_guard<std::mutex> lock(mu_);
  return ++last_assigned_;
}

void TransactionManager::Publish(uint64_t commit_ts) {
  std::lock_guard<std::mutex> lock(mu_);
  if (commit_ts > published_) published_ = commit_ts;
}

uint64_t TransactionManager::OldestNeeded() const {
  std::lock_guard<std::mutex> lock(mu_);
  return snapshots_.empty() ? published_ : snapshots_.begin()->first;
}

size_t TransactionManager::open_snapshots() const {
  std::lock_guard<std::mutex> lock(mu_);
  return snapshots_.size();
}

}  // namespace minisql::storage
