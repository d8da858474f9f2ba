// login_throttle.cc — see login_throttle.h.
#include "net/login_throttle.h"

#include <algorithm>

namespace minisql::net {

bool LoginThrottle::IsBlocked(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(address);
  if (it == entries_.end()) return false;
  if (now - it->second.last_failure >= kWindow) {  // expired: forget the address
    entries_.erase(it);
    return false;
  }
  return it->second.failures >= kMaxFailures;
}

void LoginThrottle::RecordFailure(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(address);
  if (it == entries_.end()) {
    if (entries_.size() >= kMaxTracked) {
      auto oldest = std::min_element(entries_.begin(), entries_.end(), [](auto& a, auto& b) {
        return a.second.last_failure < b.second.last_failure;
      });
      entries_.erase(oldest);
    }
    it = entries_.emplace(address, Entry{}).first;
  } else if (now - it->second.last_failure >= kWindow) {
    it->second.failures = 0;  // the last burst is over
  }
  ++it->second.failures;
  it->second.last_failure = now;
}

void LoginThrottle::RecordSuccess(const std::string& address) {
  std::lock_guard lock(mutex_);
  entries_.erase(address);
}

}  // namespace minisql::net
