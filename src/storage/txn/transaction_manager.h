// transaction_manager.h — commit timestamps and the set of open snapshots.
//
//   commit:   ts = NextCommitTimestamp()  (under the engine's exclusive latch)
//             ... apply to trees, log fsynced ...
//             Publish(ts)                 new snapshots now include the commit
//   snapshot: read_ts = AcquireSnapshot() (= the newest published timestamp)
//             ... reads ...
//             ReleaseSnapshot(read_ts)
//
// A commit becomes visible to new snapshots only when Publish runs, after its log
// records are durable, so no snapshot ever sees something a crash could undo.
// OldestNeeded() bounds version garbage collection (version_store.h).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>

namespace minisql::storage {

class TransactionManager {
 public:
  uint64_t AcquireSnapshot();
  void ReleaseSnapshot(uint64_t read_ts);

  uint64_t NextCommitTimestamp();
  /// Makes commits up to `commit_ts` visible to snapshots acquired from now on.
  void Publish(uint64_t commit_ts);

  /// The smallest read timestamp of an open snapshot, or the newest published
  /// timestamp if none is open: versions superseded at or before it are garbage.
  uint64_t OldestNeeded() const;
  size_t open_snapshots() const;

 private:
  mutable std::mutex mu_;
  uint64_t last_assigned_ = 0;
  uint64_t published_ = 0;
  std::map<uint64_t, size_t> snapshots_;  // read_ts -> how many are open
};

}  // namespace minisql::storage
