// Tests for LockManager: S/X compatibility, FIFO waiting and wake-up on release,
// upgrades, lock wait timeouts (1205) and deadlock detection (1213, the requester
// is the victim).
#include "storage/txn/lock_manager.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace minisql::storage {
namespace {

using namespace std::chrono_literals;
using Mode = LockManager::Mode;

LockKey Key(const std::string& k, uint64_t table = 1) {
  return LockKey{table, 0, k};
}

// Waits until `count` requests are queued (the other thread is really waiting).
void AwaitWaiters(const LockManager& locks, size_t count) {
  for (int i = 0; i < 2000 && locks.WaitingCount() < count; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(locks.WaitingCount(), count);
}

TEST(LockManagerTest, SharedLocksAreCompatibleExclusiveAreNot) {
  LockManager locks;
  EXPECT_TRUE(locks.Lock(1, Key("a"), Mode::kShared, 0ms).ok());
  EXPECT_TRUE(locks.Lock(2, Key("a"), Mode::kShared, 0ms).ok());
  EXPECT_EQ(locks.Lock(3, Key("a"), Mode::kExclusive, 10ms).code(), 1205);
  EXPECT_TRUE(locks.Lock(3, Key("b"), Mode::kExclusive, 0ms).ok());
  EXPECT_EQ(locks.Lock(1, Key("b"), Mode::kShared, 10ms).code(), 1205);
  // The same key in another table or index is another lock.
  EXPECT_TRUE(locks.Lock(1, Key("b", 2), Mode::kExclusive, 0ms).ok());
  EXPECT_TRUE(locks.Lock(1, LockKey{1, 7, "b"}, Mode::kExclusive, 0ms).ok());
  EXPECT_EQ(locks.HeldCount(1), 3u);    // a (S), b of table 2, b of index 7
  EXPECT_EQ(locks.WaitingCount(), 0u);  // timed-out requests leave no trace
}

TEST(LockManagerTest, ReentrantAndUpgrade) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  EXPECT_TRUE(locks.Lock(1, Key("a"), Mode::kShared, 0ms).ok());
  EXPECT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  ASSERT_TRUE(locks.Lock(2, Key("b"), Mode::kShared, 0ms).ok());
  EXPECT_TRUE(locks.Lock(2, Key("b"), Mode::kExclusive, 0ms).ok());  // sole holder upgrades
  EXPECT_EQ(locks.Lock(1, Key("b"), Mode::kShared, 10ms).code(), 1205);
}

TEST(LockManagerTest, WaiterIsGrantedWhenHolderReleases) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  Status waited;
  std::thread waiter([&] { waited = locks.Lock(2, Key("a"), Mode::kExclusive, 5000ms); });
  AwaitWaiters(locks, 1);
  locks.ReleaseAll(1);
  waiter.join();
  EXPECT_TRUE(waited.ok()) << waited.ToString();
  EXPECT_EQ(locks.HeldCount(2), 1u);
  EXPECT_EQ(locks.HeldCount(1), 0u);
}

TEST(LockManagerTest, WaitersAreServedInOrder) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  std::atomic<int> order{0};
  int second_at = -1, third_at = -1;
  std::thread second([&] {
    ASSERT_TRUE(locks.Lock(2, Key("a"), Mode::kExclusive, 5000ms).ok());
    second_at = order++;
    std::this_thread::sleep_for(20ms);
    locks.ReleaseAll(2);
  });
  AwaitWaiters(locks, 1);
  std::thread third([&] {
    ASSERT_TRUE(locks.Lock(3, Key("a"), Mode::kExclusive, 5000ms).ok());
    third_at = order++;
    locks.ReleaseAll(3);
  });
  AwaitWaiters(locks, 2);
  // A new shared request does not overtake the queue.
  EXPECT_EQ(locks.Lock(4, Key("a"), Mode::kShared, 10ms).code(), 1205);
  locks.ReleaseAll(1);
  second.join();
  third.join();
  EXPECT_EQ(second_at, 0);
  EXPECT_EQ(third_at, 1);
}

TEST(LockManagerTest, TimeoutTakesAboutTheTimeout) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  auto start = std::chrono::steady_clock::now();
  Status status = locks.Lock(2, Key("a"), Mode::kShared, 100ms);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(status.code(), 1205);
  EXPECT_EQ(status.message(), "Lock wait timeout exceeded; try restarting transaction");
  EXPECT_GE(elapsed, 100ms);
  EXPECT_LT(elapsed, 2000ms);
}

TEST(LockManagerTest, TwoTransactionDeadlockMakesTheRequesterTheVictim) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  ASSERT_TRUE(locks.Lock(2, Key("b"), Mode::kExclusive, 0ms).ok());
  Status first;
  std::thread t1([&] { first = locks.Lock(1, Key("b"), Mode::kExclusive, 5000ms); });
  AwaitWaiters(locks, 1);
  // 2 -> a would close the cycle 2 -> 1 -> 2: refused at once, not after a timeout.
  auto start = std::chrono::steady_clock::now();
  Status victim = locks.Lock(2, Key("a"), Mode::kExclusive, 5000ms);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1000ms);
  EXPECT_EQ(victim.code(), 1213);
  EXPECT_STREQ(victim.sqlstate(), "40001");
  locks.ReleaseAll(2);  // the victim's transaction rolls back
  t1.join();
  EXPECT_TRUE(first.ok());
}

TEST(LockManagerTest, ThreeTransactionCycleAndSharedUpgradeDeadlock) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  ASSERT_TRUE(locks.Lock(2, Key("b"), Mode::kExclusive, 0ms).ok());
  ASSERT_TRUE(locks.Lock(3, Key("c"), Mode::kExclusive, 0ms).ok());
  Status s1, s2;
  std::thread t1([&] { s1 = locks.Lock(1, Key("b"), Mode::kShared, 5000ms); });
  AwaitWaiters(locks, 1);
  std::thread t2([&] { s2 = locks.Lock(2, Key("c"), Mode::kShared, 5000ms); });
  AwaitWaiters(locks, 2);
  EXPECT_EQ(locks.Lock(3, Key("a"), Mode::kShared, 5000ms).code(), 1213);
  locks.ReleaseAll(3);
  t2.join();
  locks.ReleaseAll(2);
  t1.join();
  EXPECT_TRUE(s1.ok());
  EXPECT_TRUE(s2.ok());
  locks.ReleaseAll(1);

  // Two readers of one row both asking to write it: the second is the victim.
  ASSERT_TRUE(locks.Lock(5, Key("r"), Mode::kShared, 0ms).ok());
  ASSERT_TRUE(locks.Lock(6, Key("r"), Mode::kShared, 0ms).ok());
  Status upgrade;
  std::thread t5([&] { upgrade = locks.Lock(5, Key("r"), Mode::kExclusive, 5000ms); });
  AwaitWaiters(locks, 1);
  EXPECT_EQ(locks.Lock(6, Key("r"), Mode::kExclusive, 5000ms).code(), 1213);
  locks.ReleaseAll(6);
  t5.join();
  EXPECT_TRUE(upgrade.ok());
}

TEST(LockManagerTest, NoFalseDeadlockForAPlainWaitChain) {
  LockManager locks;
  ASSERT_TRUE(locks.Lock(1, Key("a"), Mode::kExclusive, 0ms).ok());
  ASSERT_TRUE(locks.Lock(2, Key("b"), Mode::kExclusive, 0ms).ok());
  Status s2;
  std::thread t2([&] { s2 = locks.Lock(2, Key("a"), Mode::kExclusive, 5000ms); });
  AwaitWaiters(locks, 1);
  // 3 waits for 2, which waits for 1: a chain, not a cycle.
  EXPECT_EQ(locks.Lock(3, Key("b"), Mode::kExclusive, 50ms).code(), 1205);
  locks.ReleaseAll(1);
  t2.join();
  EXPECT_TRUE(s2.ok());
}

// Regression: a waiter that was granted but has not woken up yet must not keep its
// wait-for edges, or the next requester sees a cycle that does not exist.
TEST(LockManagerTest, GrantedWaiterLeavesTheWaitForGraph) {
  LockManager locks;
  for (uint64_t round = 0; round < 200; ++round) {
    uint64_t holder = 2 * round + 1, next = 2 * round + 2;
    ASSERT_TRUE(locks.Lock(holder, Key("a"), Mode::kExclusive, 0ms).ok());
    Status granted;
    std::thread waiter([&] {
      granted = locks.Lock(next, Key("a"), Mode::kExclusive, 5000ms);
      std::this_thread::sleep_for(1ms);
      locks.ReleaseAll(next);
    });
    AwaitWaiters(locks, 1);
    locks.ReleaseAll(holder);
    // The former holder asks again at once: it waits for `next`, no deadlock.
    Status again = locks.Lock(holder, Key("a"), Mode::kExclusive, 5000ms);
    waiter.join();
    ASSERT_TRUE(granted.ok());
    ASSERT_TRUE(again.ok()) << again.ToString();
    locks.ReleaseAll(holder);
  }
}

}  // namespace
}  // namespace minisql::storage
