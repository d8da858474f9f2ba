// lock_manager.cc — see lock_manager.h.
#include "storage/txn/lock_manager.h"

#include <algorithm>

namespace minisql::storage {

bool LockManager::CompatibleWithHolders(const Entry& entry, uint64_t txn, Mode mode) {
  for (const auto& [holder, held] : entry.holders) {
    if (holder != txn && !Compatible(held, mode)) return false;
  }
  return true;
}

void LockManager::Grant(uint64_t txn, const LockKey& key, Entry* entry, Mode mode) {
  auto [it, inserted] = entry->holders.emplace(txn, mode);
  if (!inserted && mode == Mode::kExclusive) it->second = Mode::kExclusive;
  held_[txn].insert(key);
}

Status LockManager::Lock(uint64_t txn, const LockKey& key, Mode mode,
                         std::chrono::milliseconds timeout, const InterruptFlag* interrupt) {
  std::unique_lock<std::mutex> lock(mu_);
  Entry& entry = entries_[key];
  auto held = entry.holders.find(txn);
  bool upgrade = held != entry.holders.end();
  if (upgrade && (held->second == Mode::kExclusive || mode == Mode::kShared)) return Status::OK();
  // FIFO: a new request does not overtake waiters; an upgrade may (it holds the row).
  if (CompatibleWithHolders(entry, txn, mode) && (upgrade || entry.waiters.empty())) {
    Grant(txn, key, &entry, mode);
    return Status::OK();
  }
  Waiter waiter(txn, mode);
  if (upgrade) {
    entry.waiters.push_front(&waiter);
  } else {
    entry.waiters.push_back(&waiter);
  }
  waiting_[txn] = WaitingOn{key, &waiter};
  if (ClosesCycle(txn)) {
    Dequeue(key, &waiter);
    return Status::Error(ErrorCode::kLockDeadlock);
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  // Wait in slices so that a KILL (which cannot signal our condition variable) is seen.
  Status interrupted;
  while (!waiter.granted && std::chrono::steady_clock::now() < deadline) {
    interrupted = CheckInterrupted(interrupt);
    if (!interrupted.ok()) break;
    auto slice =
        std::min(deadline, std::chrono::steady_clock::now() + InterruptFlag::kPollInterval);
    waiter.cv.wait_until(lock, slice, [&] { return waiter.granted; });
  }
  if (waiter.granted) {
    waiting_.erase(txn);
    return Status::OK();
  }
  Dequeue(key, &waiter);
  if (!interrupted.ok()) return interrupted;
  return Status::Error(ErrorCode::kLockWaitTimeout);
}

void LockManager::Dequeue(const LockKey& key, Waiter* waiter) {
  waiting_.erase(waiter->txn);
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  it->second.waiters.remove(waiter);
  // Requests queued behind the one leaving may be grantable now.
  GrantWaiters(key, &it->second);
  if (it->second.holders.empty() && it->second.waiters.empty()) entries_.erase(it);
}

void LockManager::GrantWaiters(const LockKey& key, Entry* entry) {
  while (!entry->waiters.empty()) {
    Waiter* next = entry->waiters.front();
    if (!CompatibleWithHolders(*entry, next->txn, next->mode)) break;
    entry->waiters.pop_front();
    waiting_.erase(next->txn);  // no longer waiting: its wait-for edges are gone
    Grant(next->txn, key, entry, next->mode);
    next->granted = true;
    next->cv.notify_one();
  }
}

void LockManager::ReleaseAll(uint64_t txn) {
  std::lock_guard<std::mutex> lock(mu_);
  auto held = held_.find(txn);
  if (held == held_.end()) return;
  for (const LockKey& key : held->second) {
    auto it = entries_.find(key);
    if (it == entries_.end()) continue;
    it->second.holders.erase(txn);
    GrantWaiters(key, &it->second);
    if (it->second.holders.empty() && it->second.waiters.empty()) entries_.erase(it);
  }
  held_.erase(held);
}

std::vector<uint64_t> LockManager::Blockers(uint64_t txn) const {
  std::vector<uint64_t> blockers;
  auto waiting = waiting_.find(txn);
  if (waiting == waiting_.end()) return blockers;
  auto entry = entries_.find(waiting->second.key);
  if (entry == entries_.end()) return blockers;
  Mode mode = waiting->second.waiter->mode;
  for (const auto& [holder, held] : entry->second.holders) {
    if (holder != txn && !Compatible(held, mode)) blockers.push_back(holder);
  }
  for (const Waiter* ahead : entry->second.waiters) {
    if (ahead == waiting->second.waiter) break;
    if (ahead->txn != txn && !Compatible(ahead->mode, mode)) blockers.push_back(ahead->txn);
  }
  return blockers;
}

bool LockManager::ClosesCycle(uint64_t txn) const {
  std::vector<uint64_t> stack = Blockers(txn);
  std::set<uint64_t> visited;
  while (!stack.empty()) {
    uint64_t next = stack.back();
    stack.pop_back();
    if (next == txn) return true;
    if (!visited.insert(next).second) continue;
    for (uint64_t blocker : Blockers(next)) stack.push_back(blocker);
  }
  return false;
}

size_t LockManager::HeldCount(uint64_t txn) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = held_.find(txn);
  return it == held_.end() ? 0 : it->second.size();
}

size_t LockManager::WaitingCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return waiting_.size();
}

}  // namespace minisql::storage
