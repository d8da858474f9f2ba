// lock_manager.h — row locks for multi-statement transactions: shared (S) and
// exclusive (X) locks on keys, FIFO waiting with a timeout, and deadlock detection.
//
// A lock is named by a LockKey: (table id, index id, encoded key). Index id 0 is the
// table's clustered (primary) key; secondary unique indexes can lock their own keys
// with other index ids without changing this class.
//
// Compatibility (only S with S):      held S   held X
//                           want S      yes      no
//                           want X      no       no
//
// A request that cannot be granted at once waits in the key's FIFO queue (an upgrade
// S -> X goes to the front: it already holds the row). The state of one request:
//
//            Lock()                    granted when every holder is compatible
//   ────────► [grantable?] ── yes ──────────────────────────────────────► GRANTED
//                  │ no                                                      ▲
//                  ▼                                                         │
//        [would waiting close a cycle in ── yes ──► ER_LOCK_DEADLOCK (1213)  │
//         the wait-for graph?]                      (the requester is the    │
//                  │ no                              victim; nothing queued) │
//                  ▼                                                         │
//              WAITING ── a holder releases (ReleaseAll) and the queue ──────┘
//                  │      ahead of us is granted
//                  ├── timeout expires ──► ER_LOCK_WAIT_TIMEOUT (1205)
//                  └── the session is killed ──► 1317 / 1927 (KILL; nothing is held)
//
// The wait-for graph has an edge T -> U when T waits for a key that U holds in a
// conflicting mode, or U waits ahead of T in the same queue with a conflicting mode.
// A cycle can only appear when an edge is added, i.e. when a transaction starts
// waiting, so checking at that moment (a depth-first search from the requester) finds
// every deadlock that forms; the timeout is the backstop.
//
// Locks are held until the transaction ends (strict two-phase locking): ReleaseAll.
// One mutex protects everything; waiting threads sleep on their own condition variable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/interrupt_flag.h"
#include "common/status.h"

namespace minisql::storage {

struct LockKey {
  uint64_t table_id = 0;
  uint32_t index_id = 0;  // 0 = the clustered (primary) key
  std::string key;        // the encoded key bytes

  bool operator<(const LockKey& other) const {
    if (table_id != other.table_id) return table_id < other.table_id;
    if (index_id != other.index_id) return index_id < other.index_id;
    return key < other.key;
  }
  bool operator==(const LockKey& other) const = default;
};

class LockManager {
 public:
  enum class Mode { kShared, kExclusive };

  /// Grants `mode` on `key` to transaction `txn`, waiting up to `timeout` for
  /// conflicting holders. OK, or 1205 (timed out: nothing is held for this request)
  /// or 1213 (waiting would deadlock: nothing is held for this request). Holding X
  /// already satisfies S; holding S and asking X upgrades.
  /// A raised `interrupt` (KILL) ends the wait within InterruptFlag::kPollInterval
  /// with its error, holding nothing for this request.
  Status Lock(uint64_t txn, const LockKey& key, Mode mode, std::chrono::milliseconds timeout,
              const InterruptFlag* interrupt = nullptr);

  /// Releases every lock `txn` holds and grants what waiters can now have.
  void ReleaseAll(uint64_t txn);

  /// For tests and diagnostics: the number of keys `txn` holds, and of waiting requests.
  size_t HeldCount(uint64_t txn) const;
  size_t WaitingCount() const;

 private:
  struct Waiter {
    Waiter(uint64_t t, Mode m) : txn(t), mode(m) {}
    uint64_t txn;
    Mode mode;
    bool granted = false;
    std::condition_variable cv;
  };
  struct Entry {
    std::map<uint64_t, Mode> holders;  // txn -> strongest mode held
    std::list<Waiter*> waiters;        // FIFO
  };

  static bool Compatible(Mode a, Mode b) { return a == Mode::kShared && b == Mode::kShared; }
  /// Whether `txn` may hold `mode` given the other holders of `entry`.
  static bool CompatibleWithHolders(const Entry& entry, uint64_t txn, Mode mode);
  /// Grants queued requests from the front while they are compatible. mu_ held.
  void GrantWaiters(const LockKey& key, Entry* entry);
  /// The transactions `txn` (which is waiting) waits for. mu_ held.
  std::vector<uint64_t> Blockers(uint64_t txn) const;
  /// Whether `txn` (just queued) is now part of a cycle. mu_ held.
  bool ClosesCycle(uint64_t txn) const;
  void Grant(uint64_t txn, const LockKey& key, Entry* entry, Mode mode);
  void Dequeue(const LockKey& key, Waiter* waiter);

  mutable std::mutex mu_;
  std::map<LockKey, Entry> entries_;
  std::map<uint64_t, std::set<LockKey>> held_;  // txn -> keys it holds
  struct WaitingOn {
    LockKey key;
    const Waiter* waiter;
  };
  std::map<uint64_t, WaitingOn> waiting_;  // txn -> the request it is waiting on
};

}  // namespace minisql::storage
