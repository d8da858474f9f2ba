// login_throttle.h — failed logins per client address: after a burst, the address is
// refused for a while (MySQL's max_connect_errors host blocking, applied to failed
// authentications, with an expiry instead of FLUSH HOSTS).
//
// Per address (the host the account table sees: "localhost" for loopback, else the IP):
//
//            failure                    kMaxFailures-th consecutive failure
//   CLEAR ───────────► COUNTING (n) ──────────────────────────────────────► BLOCKED
//     ▲                    │ a successful login                               │
//     └────────────────────┘ (or kWindow without a failure)                  │
//     └───────────────────────────────── kWindow after the last failure ──────┘
//
// While BLOCKED, every new connection from the address gets ERR 1129 "Host '...' is
// blocked because of many connection errors" instead of the greeting, as MySQL does, and
// is closed; nothing is read from it, so a password-guessing client is held to
// kMaxFailures guesses per kWindow. Unknown user and wrong password both count, and both
// still answer the same 1045, so the throttle reveals nothing about which accounts exist.
// At most kMaxTracked addresses are remembered (the oldest entries are dropped first), so
// a scan from many addresses cannot grow memory without bound.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace minisql::net {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxFailures = 10;
  static constexpr std::chrono::seconds kWindow{60};
  static constexpr size_t kMaxTracked = 10000;

  /// Whether connections from `address` are refused now.
  bool IsBlocked(const std::string& address, Clock::time_point now = Clock::now());
  /// A login from `address` failed (1045).
  void RecordFailure(const std::string& address, Clock::time_point now = Clock::now());
  /// A login from `address` succeeded: its count starts again.
  void RecordSuccess(const std::string& address);

 private:
  struct Entry {
    int failures = 0;
    Clock::time_point last_failure;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace minisql::net
