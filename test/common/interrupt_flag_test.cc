// interrupt_flag_test.cc — the KILL flag: kinds, ordering, clearing, and that a sleeper
// wakes at once when it is raised from another thread.
#include "common/interrupt_flag.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace minisql {
namespace {

using Kind = InterruptFlag::Kind;

TEST(InterruptFlagTest, StartsLoweredAndChecksOk) {
  InterruptFlag flag;
  EXPECT_FALSE(flag.raised());
  EXPECT_TRUE(flag.Check().ok());
  EXPECT_TRUE(CheckInterrupted(nullptr).ok());
}

TEST(InterruptFlagTest, KillQueryIs1317AndIsClearedByTheNextStatement) {
  InterruptFlag flag;
  flag.Raise(Kind::kQuery);
  EXPECT_EQ(flag.Check().code(), 1317);
  EXPECT_STREQ(flag.Check().sqlstate(), "70100");
  EXPECT_EQ(flag.Check().message(), "Query execution was interrupted");
  EXPECT_FALSE(flag.connection_killed());
  flag.ClearQuery();
  EXPECT_TRUE(flag.Check().ok());
}

TEST(InterruptFlagTest, KillConnectionIs1927AndSticks) {
  InterruptFlag flag;
  flag.Raise(Kind::kConnection);
  EXPECT_EQ(flag.Check().code(), 1927);
  EXPECT_EQ(flag.Check().message(), "Connection was killed");
  flag.ClearQuery();  // a new statement does not revive a killed connection
  EXPECT_TRUE(flag.connection_killed());
  flag.Raise(Kind::kQuery);  // a weaker kill never replaces a stronger one
  EXPECT_EQ(flag.Check().code(), 1927);
}

TEST(InterruptFlagTest, SleepRunsItsCourseWhenNobodyKills) {
  InterruptFlag flag;
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(flag.SleepFor(std::chrono::milliseconds(30)));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(30));
}

TEST(InterruptFlagTest, RaiseWakesASleeperAtOnce) {
  InterruptFlag flag;
  auto start = std::chrono::steady_clock::now();
  std::thread killer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    flag.Raise(Kind::kQuery);
  });
  EXPECT_TRUE(flag.SleepFor(std::chrono::seconds(30)));
  killer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(InterruptFlagTest, SleepingOnARaisedFlagReturnsAtOnce) {
  InterruptFlag flag;
  flag.Raise(Kind::kQuery);
  EXPECT_TRUE(flag.SleepFor(std::chrono::seconds(30)));
}

}  // namespace
}  // namespace minisql
