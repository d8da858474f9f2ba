// Tests for the WriteSet (own changes, savepoints = undo positions) and the
// VersionStore (the visibility rule, keys for scans, garbage collection) and the
// TransactionManager's snapshot bookkeeping.
#include <gtest/gtest.h>

#include "storage/txn/transaction_manager.h"
#include "storage/txn/version_store.h"
#include "storage/txn/write_set.h"

namespace minisql::storage {
namespace {

std::string Value(const WriteSet& writes, const std::string& key) {
  const WriteSet::Change* change = writes.Find(1, key);
  if (change == nullptr) return "<untouched>";
  return change->value_or("<deleted>");
}

TEST(WriteSetTest, PutFindAndSavepoints) {
  WriteSet writes;
  EXPECT_TRUE(writes.empty());
  writes.Put(1, nullptr, "a", "a1");
  size_t after_a = writes.Savepoint();
  writes.Put(1, nullptr, "b", "b1");
  writes.Put(1, nullptr, "a", "a2");
  size_t after_a2 = writes.Savepoint();
  writes.Put(1, nullptr, "a", std::nullopt);
  EXPECT_EQ(Value(writes, "a"), "<deleted>");
  EXPECT_EQ(Value(writes, "b"), "b1");
  EXPECT_EQ(Value(writes, "c"), "<untouched>");
  EXPECT_EQ(writes.Find(2, "a"), nullptr);

  writes.RollbackTo(after_a2);
  EXPECT_EQ(Value(writes, "a"), "a2");
  writes.RollbackTo(after_a);
  EXPECT_EQ(Value(writes, "a"), "a1");
  EXPECT_EQ(Value(writes, "b"), "<untouched>");
  EXPECT_EQ(writes.Table(1)->rows.size(), 1u);
  writes.RollbackTo(0);
  EXPECT_TRUE(writes.empty());
  // Rolling back to a position not reached yet changes nothing.
  writes.Put(1, nullptr, "z", "z1");
  writes.RollbackTo(5);
  EXPECT_EQ(Value(writes, "z"), "z1");
}

TEST(VersionStoreTest, VisibilityRule) {
  VersionStore versions;
  // Commit 12 inserted K ("absent" before), commit 15 updated it from v1, commit 20
  // deleted it (v2 before). The tree now has no K.
  versions.Add(7, "K", 12, std::nullopt);
  versions.Add(7, "K", 15, "v1");
  versions.Add(7, "K", 20, "v2");
  auto at = [&](uint64_t ts) -> std::string {
    auto seen = versions.VisibleAt(7, "K", ts);
    if (!seen) return "<tree>";
    return seen->value_or("<absent>");
  };
  EXPECT_EQ(at(0), "<absent>");
  EXPECT_EQ(at(11), "<absent>");
  EXPECT_EQ(at(12), "v1");
  EXPECT_EQ(at(14), "v1");
  EXPECT_EQ(at(15), "v2");
  EXPECT_EQ(at(19), "v2");
  EXPECT_EQ(at(20), "<tree>");
  EXPECT_EQ(at(99), "<tree>");
  EXPECT_FALSE(versions.VisibleAt(7, "other", 0).has_value());
  EXPECT_FALSE(versions.VisibleAt(8, "K", 0).has_value());
}

TEST(VersionStoreTest, NextKeyStaysInItsTable) {
  VersionStore versions;
  versions.Add(1, "b", 1, "x");
  versions.Add(1, "d", 2, "x");
  versions.Add(2, "a", 3, "x");
  EXPECT_EQ(versions.NextKey(1, "", true), "b");
  EXPECT_EQ(versions.NextKey(1, "b", true), "b");
  EXPECT_EQ(versions.NextKey(1, "b", false), "d");
  EXPECT_FALSE(versions.NextKey(1, "d", false).has_value());
  EXPECT_EQ(versions.NextKey(2, "", true), "a");
  EXPECT_FALSE(versions.NextKey(3, "", true).has_value());
}

TEST(VersionStoreTest, GarbageCollectKeepsWhatOpenSnapshotsNeed) {
  VersionStore versions;
  versions.Add(1, "a", 1, "a0");
  versions.Add(1, "b", 2, "b0");
  versions.Add(1, "a", 3, "a1");
  versions.GarbageCollect(0);
  EXPECT_EQ(versions.size(), 3u);
  versions.GarbageCollect(2);  // no snapshot older than 2 remains
  EXPECT_EQ(versions.size(), 1u);
  EXPECT_FALSE(versions.VisibleAt(1, "b", 2).has_value());
  EXPECT_EQ(versions.VisibleAt(1, "a", 2), std::optional<VersionStore::Record>("a1"));
  EXPECT_FALSE(versions.NextKey(1, "b", true).has_value());
  versions.GarbageCollect(3);
  EXPECT_EQ(versions.size(), 0u);
  EXPECT_FALSE(versions.NextKey(1, "", true).has_value());
}

TEST(TransactionManagerTest, SnapshotsSeePublishedCommitsAndBoundGarbageCollection) {
  TransactionManager timestamps;
  uint64_t s0 = timestamps.AcquireSnapshot();
  EXPECT_EQ(s0, 0u);
  uint64_t c1 = timestamps.NextCommitTimestamp();
  EXPECT_EQ(timestamps.AcquireSnapshot(), 0u);  // not published yet: not visible
  timestamps.Publish(c1);
  uint64_t s1 = timestamps.AcquireSnapshot();
  EXPECT_EQ(s1, c1);
  EXPECT_EQ(timestamps.OldestNeeded(), 0u);
  timestamps.ReleaseSnapshot(s0);
  EXPECT_EQ(timestamps.OldestNeeded(), 0u);  // the second snapshot at 0 is still open
  timestamps.ReleaseSnapshot(0);
  EXPECT_EQ(timestamps.OldestNeeded(), s1);
  timestamps.ReleaseSnapshot(s1);
  EXPECT_EQ(timestamps.open_snapshots(), 0u);
  EXPECT_EQ(timestamps.OldestNeeded(), c1);
}

}  // namespace
}  // namespace minisql::storage
