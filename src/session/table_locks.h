// table_locks.h — LOCK TABLES / UNLOCK TABLES: explicit table locks held by a
// session until it unlocks them or disconnects.
//
// One TableLockManager per server (ServerContext::table_locks()). A session's
// LOCK TABLES replaces its previous set of locks; then:
//
//   holder of the locks                 every other session
//   ──────────────────────────────────  ───────────────────────────────────────────
//   may read only the tables it locked  reading a table another session locked
//     (others: 1100 not locked)           WRITE waits until that session unlocks
//   may write only tables locked WRITE  writing a table another session locked
//     (READ: 1099; others: 1100)          READ or WRITE waits likewise
//   LOCK TABLES waits the same way      (waits end with 1205 after the session's
//                                         lock_wait_timeout, or 1317/1927 on KILL)
//
// information_schema is outside the scheme (its tables are never locked, always
// readable), as in MariaDB. Row locks of transactions are separate (storage/txn/).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/interrupt_flag.h"
#include "common/status.h"

namespace minisql {

class TableLockManager {
 public:
  struct Request {
    std::string database;
    std::string table;
    bool write = false;
  };

  /// LOCK TABLES: releases `session`'s locks, then takes `requests` at once, waiting
  /// up to `timeout` for other sessions' conflicting locks (1205).
  Status Lock(uint32_t session, const std::vector<Request>& requests,
              std::chrono::milliseconds timeout, const InterruptFlag* interrupt = nullptr);
  /// UNLOCK TABLES, and disconnect.
  void Unlock(uint32_t session);
  /// May `session` read (write = false) or write `database`.`table` now? Waits for
  /// other sessions' conflicting locks; 1100 / 1099 for a lock holder (see above).
  /// A raised `interrupt` (KILL) ends either wait with its error.
  Status CheckAccess(uint32_t session, const std::string& database, const std::string& table,
                     bool write, std::chrono::milliseconds timeout,
                     const InterruptFlag* interrupt = nullptr);

 private:
  using TableKey = std::pair<std::string, std::string>;  // database, table
  /// True when a session other than `session` holds a lock on `key` that excludes
  /// a read (write = false) or a write.
  bool HeldByOther(uint32_t session, const TableKey& key, bool write) const;
  /// Waits (mu_ held through `lock`) until `blocked` is false: OK, 1205 at `deadline`,
  /// or the KILL error, looking at `interrupt` every InterruptFlag::kPollInterval.
  template <typename Blocked>
  Status WaitUntilFree(std::unique_lock<std::mutex>& lock,
                       std::chrono::steady_clock::time_point deadline,
                       const InterruptFlag* interrupt, Blocked blocked);

  std::mutex mu_;
  std::condition_variable released_;
  std::map<uint32_t, std::map<TableKey, bool>> held_;  // session -> table -> WRITE?
  /// Fast path: statements skip the mutex while nobody holds table locks.
  std::atomic<bool> any_held_{false};
};

}  // namespace minisql
