// login_throttle_test.cc — the failed-login throttle: blocking after a burst, reset on
// success, expiry after the window, per-address independence.
#include "net/login_throttle.h"

#include <gtest/gtest.h>

namespace minisql::net {
namespace {

using Clock = LoginThrottle::Clock;

TEST(LoginThrottleTest, BlocksAfterConsecutiveFailuresOnly) {
  LoginThrottle throttle;
  Clock::time_point t0 = Clock::now();
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) throttle.RecordFailure("10.0.0.1", t0);
  EXPECT_FALSE(throttle.IsBlocked("10.0.0.1", t0));
  throttle.RecordFailure("10.0.0.1", t0);
  EXPECT_TRUE(throttle.IsBlocked("10.0.0.1", t0));
  EXPECT_FALSE(throttle.IsBlocked("10.0.0.2", t0));  // other addresses are not affected
}

TEST(LoginThrottleTest, SuccessClearsTheCount) {
  LoginThrottle throttle;
  Clock::time_point t0 = Clock::now();
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) throttle.RecordFailure("h", t0);
  throttle.RecordSuccess("h");
  for (int i = 0; i < LoginThrottle::kMaxFailures - 1; ++i) throttle.RecordFailure("h", t0);
  EXPECT_FALSE(throttle.IsBlocked("h", t0));
}

TEST(LoginThrottleTest, BlockExpiresAfterTheWindow) {
  LoginThrottle throttle;
  Clock::time_point t0 = Clock::now();
  for (int i = 0; i < LoginThrottle::kMaxFailures; ++i) throttle.RecordFailure("h", t0);
  EXPECT_TRUE(throttle.IsBlocked("h", t0 + LoginThrottle::kWindow - std::chrono::seconds(1)));
  EXPECT_FALSE(throttle.IsBlocked("h", t0 + LoginThrottle::kWindow));
  // Failures spread wider than the window never add up to a block.
  for (int i = 0; i < 3 * LoginThrottle::kMaxFailures; ++i) {
    throttle.RecordFailure("slow", t0 + i * LoginThrottle::kWindow);
  }
  EXPECT_FALSE(throttle.IsBlocked("slow", t0 + 30 * LoginThrottle::kWindow));
}

}  // namespace
}  // namespace minisql::net
