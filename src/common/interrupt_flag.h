// interrupt_flag.h — "stop what you are doing": how KILL reaches a running statement.
//
// Every session owns one InterruptFlag. KILL QUERY / KILL CONNECTION, running on another
// connection's worker thread, raises it; the statement's own thread notices it at the
// next check and fails with 1317 (KILL QUERY) or 1927 (KILL CONNECTION):
//
//   KILL QUERY 7  (any thread)              session 7's worker thread
//   ─────────────────────────               ─────────────────────────
//   flag.Raise(kQuery) ──────► atomic ◄──── executor: CheckInterrupted() per row
//                     └──────► condvar ◄─── SLEEP(n): SleepFor() wakes at once
//                                      ◄─── row/table lock waits: wake every
//                                           kPollInterval and look
//
// The flag is a plain atomic so the per-row check costs one relaxed load. Waits that
// sleep on a condition variable of their own (the lock manager's) cannot be woken by
// the flag, so they wake up every kPollInterval to look at it: "promptly" means within
// that interval. KILL QUERY is forgotten when the session's next statement starts (a
// KILL QUERY that arrives while the session is idle does nothing, as in MySQL); KILL
// CONNECTION never is: the connection is closing.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "common/status.h"

namespace minisql {

class InterruptFlag {
 public:
  enum class Kind : uint8_t { kNone = 0, kQuery = 1, kConnection = 2 };

  /// How often waits that cannot be woken by the flag look at it.
  static constexpr std::chrono::milliseconds kPollInterval{20};

  /// Any thread. A stronger kind replaces a weaker one (KILL CONNECTION after KILL
  /// QUERY), never the reverse.
  void Raise(Kind kind);
  /// The session's own thread, when a statement starts: forgets a KILL QUERY.
  void ClearQuery();

  Kind kind() const { return static_cast<Kind>(kind_.load(std::memory_order_relaxed)); }
  bool raised() const { return kind() != Kind::kNone; }
  bool connection_killed() const { return kind() == Kind::kConnection; }

  /// OK, or the error the interrupted statement ends with: 1317 "Query execution was
  /// interrupted" after KILL QUERY, 1927 "Connection was killed" after KILL CONNECTION.
  Status Check() const;

  /// Sleeps for `duration` unless the flag is (or gets) raised; true if it was.
  bool SleepFor(std::chrono::microseconds duration) const;

 private:
  std::atomic<uint8_t> kind_{0};
  mutable std::mutex mutex_;  // only for SleepFor's condition variable
  mutable std::condition_variable raised_;
};

/// Null-tolerant helper for code that may run without a session (tests, recovery).
inline Status CheckInterrupted(const InterruptFlag* flag) {
  return flag == nullptr ? Status::OK() : flag->Check();
}

}  // namespace minisql
