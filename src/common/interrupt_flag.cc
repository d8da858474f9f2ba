// interrupt_flag.cc — see interrupt_flag.h.
#include "common/interrupt_flag.h"

namespace minisql {

void InterruptFlag::Raise(Kind kind) {
  uint8_t wanted = static_cast<uint8_t>(kind);
  uint8_t current = kind_.load();
  while (current < wanted && !kind_.compare_exchange_weak(current, wanted)) {
  }
  // Taking the mutex orders the store before a sleeper's predicate check, so a
  // SleepFor that is about to wait cannot miss the notification.
  std::lock_guard lock(mutex_);
  raised_.notify_all();
}

void InterruptFlag::ClearQuery() {
  uint8_t query = static_cast<uint8_t>(Kind::kQuery);
  kind_.compare_exchange_strong(query, static_cast<uint8_t>(Kind::kNone));
}

Status InterruptFlag::Check() const {
  switch (kind()) {
    case Kind::kNone:
      return Status::OK();
    case Kind::kQuery:
      return Status::Error(ErrorCode::kQueryInterrupted);
    case Kind::kConnection:
      return Status::Error(ErrorCode::kConnectionKilled);
  }
  return Status::OK();
}

bool InterruptFlag::SleepFor(std::chrono::microseconds duration) const {
  std::unique_lock lock(mutex_);
  return raised_.wait_for(lock, duration, [this] { return raised(); });
}

}  // namespace minisql
