// btree_latch_test.cc — readers and one writer on the same B+ tree at the same time,
// kept apart by page latches only (buffer_pool.h, btree.h, btree_cursor.h).
//
// Tree level: reader threads scan, range-scan and point-read a tree while a writer
// thread inserts and deletes batches of keys (each batch one PagerTxn) causing splits,
// merges, redistributions, root growth and shrinking, overflow chains and evictions
// (a small buffer pool). The readers see the latest tree, half-applied batches
// included, so what they check is what latches promise: every "stable" key (inserted
// before the threads start, never touched by the writer) is found by every scan and
// every point read, keys come in strictly increasing order, and every value is the
// one its key was written with. A reader between a parent and a child while the
// writer splits the child would miss stable keys; a cursor following a freed leaf
// would read garbage or fail with 1712. The tree passes CheckIntegrity afterwards.
//
// Engine level: the writer commits whole batches of rows (and deletes whole batches)
// while snapshot readers scan: every scan must see only complete batches (the MVCC
// layer relies on the commit recording old versions before it changes the tree).
//
// Without the latches (e.g. FetchPage not latching) the tree test fails within a few
// rounds (missing stable keys, 1712 on freed pages, or a crash), and ThreadSanitizer
// (tools/tsan.sh) reports the races.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/table/key_codec.h"

namespace minisql::storage {
namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
constexpr int kRounds = 6;
#else
constexpr int kRounds = 16;
#endif
constexpr int kKeySpace = 12000;  // ids 0..kKeySpace-1; every 10th is stable
constexpr int kReaders = 3;

std::string KeyOf(int id) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "k%07d", id);
  return buffer;
}

// Derived from the key, so any reader can check it. Every 97th value is long enough
// for an overflow chain; the writer's values differ by a generation byte.
std::string ValueOf(int id, char generation) {
  size_t length = id % 97 == 0 ? 9000 : 40 + id % 50;
  std::string value(length, static_cast<char>('a' + id % 26));
  value[0] = generation;
  return value;
}

bool ValueMatches(const std::string& key, const std::string& value) {
  if (key.size() != 8 || key[0] != 'k' || value.empty()) return false;
  int id = std::stoi(key.substr(1));
  return value == ValueOf(id, value[0]) && (value[0] == 'S' || value[0] == 'W');
}

class BTreeLatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("btree_latch_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(BTreeLatchTest, ReadersSeeAConsistentTreeWhileTheWriterSplitsAndMerges) {
  PagerOptions options;
  options.datadir = dir_.string();
  options.buffer_pool_bytes = 4ull << 20;  // 512 frames: the tree does not fit
  auto opened = Pager::Open(options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Pager> pager = std::move(*opened);
  PageId root;
  {
    auto txn = pager->BeginTxn();
    auto created = BTree::Create(pager.get(), txn.get());
    ASSERT_TRUE(created.ok());
    root = *created;
    BTree tree(pager.get(), root);
    for (int id = 0; id < kKeySpace; id += 10) {
      ASSERT_TRUE(*tree.Insert(txn.get(), KeyOf(id), ValueOf(id, 'S')));
    }
    ASSERT_TRUE(pager->CommitTxn(txn.get()).ok());
  }
  const size_t stable_count = kKeySpace / 10;

  std::atomic<bool> done{false};
  std::atomic<uint64_t> scans{0}, failures{0};
  std::vector<std::string> errors(kReaders);
  auto fail = [&](int reader, const std::string& what) {
    if (failures.fetch_add(1) == 0 || errors[reader].empty()) errors[reader] = what;
  };

  auto reader = [&](int index) {
    std::mt19937 random(index);
    BTree tree(pager.get(), root);
    while (!done.load() && failures.load() == 0) {
      // A full scan: sorted, values intact, every stable key present.
      auto cursor = tree.Seek("");
      if (!cursor.ok()) return fail(index, cursor.status().ToString());
      std::string key, value, previous;
      size_t stable_seen = 0;
      while (true) {
        Result<bool> more = (*cursor)->Next(&key, &value);
        if (!more.ok()) return fail(index, "scan: " + more.status().ToString());
        if (!*more) break;
        if (!previous.empty() && key <= previous) return fail(index, "unordered at " + key);
        if (!ValueMatches(key, value)) return fail(index, "bad value under " + key);
        if (value[0] == 'S') ++stable_seen;
        previous = key;
      }
      if (stable_seen != stable_count) {
        return fail(index, "scan saw " + std::to_string(stable_seen) + " stable keys");
      }
      // Point reads and a short range scan from a random place.
      for (int i = 0; i < 50; ++i) {
        int id = static_cast<int>(random() % (kKeySpace / 10)) * 10;
        Result<std::optional<std::string>> got = tree.Get(KeyOf(id));
        if (!got.ok()) return fail(index, "get: " + got.status().ToString());
        if (!got->has_value() || **got != ValueOf(id, 'S')) {
          return fail(index, "stable key " + KeyOf(id) + " not found");
        }
      }
      int from = static_cast<int>(random() % kKeySpace);
      auto range = tree.Seek(KeyOf(from));
      if (!range.ok()) return fail(index, range.status().ToString());
      int expect = (from + 9) / 10 * 10;  // the next stable id
      for (int i = 0; i < 200 && expect < kKeySpace; ++i) {
        Result<bool> more = (*range)->Next(&key, &value);
        if (!more.ok()) return fail(index, "range: " + more.status().ToString());
        if (!*more) return fail(index, "range ended early");
        if (value[0] != 'S') continue;
        if (key != KeyOf(expect)) return fail(index, "range skipped " + KeyOf(expect));
        expect += 10;
      }
      scans.fetch_add(1);
    }
  };

  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) readers.emplace_back(reader, i);

  // The writer: insert a big random batch of the other ids, then delete most of them
  // again, a PagerTxn per batch; leaves split and merge all over the tree.
  std::mt19937 random(42);
  std::set<int> present;
  BTree tree(pager.get(), root);
  Status writer_status;
  for (int round = 0; round < kRounds && writer_status.ok() && failures.load() == 0; ++round) {
    auto txn = pager->BeginTxn();
    for (int i = 0; i < 1500 && writer_status.ok(); ++i) {
      int id = static_cast<int>(random() % kKeySpace);
      if (id % 10 == 0 || present.count(id) != 0) continue;
      Result<bool> inserted = tree.Insert(txn.get(), KeyOf(id), ValueOf(id, 'W'));
      if (!inserted.ok()) writer_status = inserted.status();
      present.insert(id);
    }
    if (writer_status.ok()) writer_status = pager->CommitTxn(txn.get());
    if (!writer_status.ok()) break;
    auto removal = pager->BeginTxn();
    for (auto it = present.begin(); it != present.end() && writer_status.ok();) {
      if (random() % 4 == 0) {
        ++it;
        continue;
      }
      Result<bool> deleted = tree.Delete(removal.get(), KeyOf(*it));
      if (!deleted.ok()) writer_status = deleted.status();
      it = present.erase(it);
    }
    if (writer_status.ok()) writer_status = pager->CommitTxn(removal.get());
  }
  done.store(true);
  for (std::thread& thread : readers) thread.join();

  ASSERT_TRUE(writer_status.ok()) << writer_status.ToString();
  for (int i = 0; i < kReaders; ++i) EXPECT_EQ(errors[i], "") << "reader " << i;
  EXPECT_EQ(failures.load(), 0u);
  EXPECT_GT(scans.load(), 0u);
  Result<uint64_t> entries = tree.CheckIntegrity();
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  EXPECT_EQ(*entries, stable_count + present.size());
}

TEST_F(BTreeLatchTest, SnapshotScansSeeWholeCommittedBatchesOnly) {
  auto opened = OpenStorageEngine(EngineOptions{dir_.string(), 4ull << 20});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<StorageEngine> engine = std::move(*opened);
  auto begin = [&] { return std::move(*engine->Begin(AccessMode::kReadWrite, {})); };
  {
    auto ddl = begin();
    ASSERT_TRUE(engine->CreateDatabase(ddl.get(), "db").ok());
    TableSchema schema;
    schema.database = "db";
    schema.name = "t";
    ColumnDef id;
    id.name = "id";
    id.type = ColumnType{TypeId::kInt};
    id.nullable = false;
    ColumnDef batch;
    batch.name = "batch";
    batch.type = ColumnType{TypeId::kInt};
    schema.columns = {id, batch};
    schema.primary_key = {0};
    ASSERT_TRUE(engine->CreateTable(ddl.get(), schema).ok());
    ASSERT_TRUE(engine->Commit(ddl.get()).ok());
  }
  constexpr int kBatch = 300;  // rows per commit: several leaves, splits in one commit
  std::atomic<bool> done{false};
  std::atomic<uint64_t> failures{0}, scans{0};
  std::string first_error;
  std::mutex error_mu;
  auto fail = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(error_mu);
    if (failures.fetch_add(1) == 0) first_error = what;
  };
  auto reader = [&] {
    while (!done.load() && failures.load() == 0) {
      auto txn = begin();
      auto table = engine->GetTable(txn.get(), "db", "t");
      if (!table.ok()) return fail(table.status().ToString());
      auto cursor = engine->Scan(txn.get(), **table, KeyRange::All());
      if (!cursor.ok()) return fail(cursor.status().ToString());
      std::map<int64_t, int> per_batch;
      Row row;
      while (true) {
        Result<bool> more = (*cursor)->Next(&row, nullptr);
        if (!more.ok()) return fail(more.status().ToString());
        if (!*more) break;
        ++per_batch[row[1].int_value()];
      }
      for (auto [batch, rows] : per_batch) {
        if (rows != kBatch) {
          return fail("batch " + std::to_string(batch) + " seen with " + std::to_string(rows) +
                      " rows");
        }
      }
      engine->Rollback(txn.get());
      scans.fetch_add(1);
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) readers.emplace_back(reader);
  // Batch b holds ids b, b + B, b + 2B, ... interleaved with the other batches, so one
  // commit touches leaves all over the tree; every third batch is deleted again.
  constexpr int kBatches = kRounds * 2;
  Status writer_status;
  for (int b = 0; b < kBatches && writer_status.ok() && failures.load() == 0; ++b) {
    auto txn = begin();
    auto table = engine->GetTable(txn.get(), "db", "t");
    ASSERT_TRUE(table.ok());
    for (int i = 0; i < kBatch && writer_status.ok(); ++i) {
      writer_status = engine->Insert(txn.get(), **table,
                                     Row{Value::Int(int64_t{i} * kBatches + b), Value::Int(b)});
    }
    if (writer_status.ok()) writer_status = engine->Commit(txn.get());
    if (writer_status.ok() && b % 3 == 2) {
      auto removal = begin();
      for (int i = 0; i < kBatch && writer_status.ok(); ++i) {
        Result<std::string> key = EncodePrimaryKey(
            **table, Row{Value::Int(int64_t{i} * kBatches + b - 1), Value::Int(b - 1)});
        writer_status = key.ok() ? engine->Delete(removal.get(), **table, *key) : key.status();
      }
      if (writer_status.ok()) writer_status = engine->Commit(removal.get());
    }
  }
  done.store(true);
  for (std::thread& thread : readers) thread.join();
  ASSERT_TRUE(writer_status.ok()) << writer_status.ToString();
  EXPECT_EQ(first_error, "");
  EXPECT_GT(scans.load(), 0u);
}

}  // namespace
}  // namespace minisql::storage
