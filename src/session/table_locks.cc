// table_locks.cc — see table_locks.h.
#include "session/table_locks.h"

#include <algorithm>

namespace minisql {

bool TableLockManager::HeldByOther(uint32_t session, const TableKey& key, bool write) const {
  for (const auto& [holder, tables] : held_) {
    if (holder == session) continue;
    auto it = tables.find(key);
    if (it != tables.end() && (write || it->second)) return true;
  }
  return false;
}

template <typename Blocked>
Status TableLockManager::WaitUntilFree(std::unique_lock<std::mutex>& lock,
                                       std::chrono::steady_clock::time_point deadline,
                                       const InterruptFlag* interrupt, Blocked blocked) {
  while (blocked()) {
    MINISQL_RETURN_IF_ERROR(CheckInterrupted(interrupt));
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return Status::Error(ErrorCode::kLockWaitTimeout);
    released_.wait_until(lock, std::min(deadline, now + InterruptFlag::kPollInterval));
  }
  return Status::OK();
}

Status TableLockManager::Lock(uint32_t session, const std::vector<Request>& requests,
                              std::chrono::milliseconds timeout, const InterruptFlag* interrupt) {
  std::unique_lock<std::mutex> lock(mu_);
  held_.erase(session);
  released_.notify_all();
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto conflicts = [&] {
    for (const Request& request : requests) {
      if (HeldByOther(session, {request.database, request.table}, request.write)) return true;
    }
    return false;
  };
  Status waited = WaitUntilFree(lock, deadline, interrupt, conflicts);
  if (!waited.ok()) {
    any_held_.store(!held_.empty());
    return waited;
  }
  std::map<TableKey, bool>& mine = held_[session];
  for (const Request& request : requests) {
    bool& write = mine[{request.database, request.table}];
    write = write || request.write;  // t READ, t WRITE: the stronger lock
  }
  any_held_.store(true);
  return Status::OK();
}

void TableLockManager::Unlock(uint32_t session) {
  if (!any_held_.load()) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (held_.erase(session) == 0) return;
  any_held_.store(!held_.empty());
  released_.notify_all();
}

Status TableLockManager::CheckAccess(uint32_t session, const std::string& database,
                                     const std::string& table, bool write,
                                     std::chrono::milliseconds timeout,
                                     const InterruptFlag* interrupt) {
  if (!any_held_.load()) return Status::OK();
  std::unique_lock<std::mutex> lock(mu_);
  TableKey key{database, table};
  auto mine = held_.find(session);
  if (mine != held_.end()) {
    auto it = mine->second.find(key);
    if (it == mine->second.end()) return Status::Error(ErrorCode::kTableNotLocked, table);
    if (write && !it->second) return Status::Error(ErrorCode::kTableNotLockedForWrite, table);
    return Status::OK();
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  return WaitUntilFree(lock, deadline, interrupt, [&] { return HeldByOther(session, key, write); });
}

}  // namespace minisql
