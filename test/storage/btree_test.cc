// Tests for the B+ tree: the node layout on a plain buffer, then whole trees on a real
// pager — many random inserts with splits, lookups, deletes, range cursors, duplicate
// detection, the fixed root page, oversize keys, rollback and DROP.
#include "storage/btree/btree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

#include "storage/btree/btree_cursor.h"

namespace minisql::storage {
namespace {

TEST(BTreeNodeTest, InsertRemoveAndCompactOnAPlainBuffer) {
  std::vector<char> buffer(512);
  BTreeNode node(buffer.data(), buffer.size());
  node.Init(NodeType::kLeaf);
  EXPECT_TRUE(node.Validate());
  ASSERT_TRUE(node.InsertLeafCell(0, "b", "2"));
  ASSERT_TRUE(node.InsertLeafCell(0, "a", "1"));
  ASSERT_TRUE(node.InsertLeafCell(2, "c", "3"));
  ASSERT_EQ(node.count(), 3);
  EXPECT_EQ(node.KeyAt(0), "a");
  EXPECT_EQ(node.ValueAt(2), "3");
  EXPECT_EQ(node.LowerBound("bb"), 2u);
  node.RemoveCell(1);
  EXPECT_TRUE(node.Validate());
  EXPECT_EQ(node.KeyAt(1), "c");
  // Fill until full; removing everything and refilling must reuse the holes.
  size_t inserted = 0;
  while (node.InsertLeafCell(node.count(), "k" + std::to_string(100 + inserted), "vvvv")) {
    ++inserted;
  }
  EXPECT_GT(inserted, 10u);
  EXPECT_TRUE(node.Validate());
  while (node.count() > 0) node.RemoveCell(0);
  EXPECT_EQ(node.FreeSpace(), buffer.size() - BTreeNode::kHeaderSize);
  for (size_t i = 0; i < inserted; ++i) {
    ASSERT_TRUE(node.InsertLeafCell(i, "k" + std::to_string(100 + i), "vvvv"));
  }
  EXPECT_TRUE(node.Validate());
}

TEST(BTreeNodeTest, InternalNodeRoutesByChild) {
  std::vector<char> buffer(256);
  BTreeNode node(buffer.data(), buffer.size());
  node.Init(NodeType::kInternal);
  node.set_link(10);
  ASSERT_TRUE(node.InsertInternalCell(0, "m", 11));
  ASSERT_TRUE(node.InsertInternalCell(1, "t", 12));
  EXPECT_EQ(node.ChildAt(node.ChildIndexFor("a")), 10u);
  EXPECT_EQ(node.ChildAt(node.ChildIndexFor("m")), 11u);
  EXPECT_EQ(node.ChildAt(node.ChildIndexFor("p")), 11u);
  EXPECT_EQ(node.ChildAt(node.ChildIndexFor("z")), 12u);
}

TEST(BTreeNodeTest, ValidateRejectsGarbage) {
  std::vector<char> buffer(256);
  BTreeNode node(buffer.data(), buffer.size());
  node.Init(NodeType::kLeaf);
  ASSERT_TRUE(node.InsertLeafCell(0, "key", "value"));
  std::vector<char> good = buffer;
  std::mt19937 rng(1);
  int rejected = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    buffer = good;
    buffer[rng() % 16] = static_cast<char>(rng());  // header or slot bytes
    BTreeNode damaged(buffer.data(), buffer.size());
    if (!damaged.Validate()) {
      ++rejected;
      continue;
    }
    // Whatever passes validation must be readable without leaving the buffer (ASan).
    for (size_t i = 0; i < damaged.count(); ++i) (void)damaged.KeyAt(i);
  }
  EXPECT_GT(rejected, 1000);
}

class BTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("btree_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    PagerOptions options;
    options.datadir = dir_.string();
    options.buffer_pool_bytes = 32ull << 20;
    auto pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok()) << pager.status().ToString();
    pager_ = std::move(*pager);
    auto txn = pager_->BeginTxn();
    auto root = BTree::Create(pager_.get(), txn.get());
    ASSERT_TRUE(root.ok()) << root.status().ToString();
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    tree_ = std::make_unique<BTree>(pager_.get(), *root);
  }
  void TearDown() override {
    tree_.reset();
    pager_.reset();
    std::filesystem::remove_all(dir_);
  }

  /// Every entry, in cursor order, from `lower`.
  std::vector<std::pair<std::string, std::string>> ScanFrom(const std::string& lower) {
    std::vector<std::pair<std::string, std::string>> out;
    auto cursor = tree_->Seek(lower);
    EXPECT_TRUE(cursor.ok());
    std::string key, value;
    while (true) {
      Result<bool> more = (*cursor)->Next(&key, &value);
      EXPECT_TRUE(more.ok());
      if (!more.ok() || !*more) break;
      out.emplace_back(key, value);
    }
    return out;
  }

  void ExpectTreeEquals(const std::map<std::string, std::string>& expected) {
    Result<uint64_t> count = tree_->CheckIntegrity();
    ASSERT_TRUE(count.ok()) << count.status().ToString();
    EXPECT_EQ(*count, expected.size());
    auto scanned = ScanFrom("");
    ASSERT_EQ(scanned.size(), expected.size());
    std::vector<std::pair<std::string, std::string>> expected_entries(expected.begin(),
                                                                      expected.end());
    EXPECT_TRUE(scanned == expected_entries);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Pager> pager_;
  std::unique_ptr<BTree> tree_;
};

std::string RandomKey(std::mt19937_64& rng) {
  std::string key = std::to_string(rng() % 100000000);
  key.append(rng() % 24, static_cast<char>('a' + rng() % 26));
  return key;
}

TEST_F(BTreeTest, HundredThousandRandomInsertsSplitAndStayOrdered) {
  std::mt19937_64 rng(2024);
  std::map<std::string, std::string> expected;
  PageId root = tree_->root();
  for (int batch = 0; batch < 10; ++batch) {
    auto txn = pager_->BeginTxn();
    for (int i = 0; i < 10000; ++i) {
      std::string key = RandomKey(rng);
      std::string value(rng() % 40, 'v');
      Result<bool> inserted = tree_->Insert(txn.get(), key, value);
      ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
      EXPECT_EQ(*inserted, expected.emplace(key, value).second);
    }
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  }
  EXPECT_EQ(tree_->root(), root);
  ExpectTreeEquals(expected);
  for (const auto& [key, value] : expected) {
    Result<std::optional<std::string>> got = tree_->Get(key);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->has_value()) << key;
    EXPECT_EQ(**got, value);
  }
  auto missing = tree_->Get("not a key");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(BTreeTest, DuplicateInsertReportsAndChangesNothing) {
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(*tree_->Insert(txn.get(), "k", "first"));
  Result<bool> again = tree_->Insert(txn.get(), "k", "second");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_EQ(**tree_->Get("k"), "first");
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
}

TEST_F(BTreeTest, DeletesKeepOrderAndCursorsSkipEmptyLeaves) {
  std::mt19937_64 rng(9);
  std::map<std::string, std::string> expected;
  auto txn = pager_->BeginTxn();
  for (int i = 0; i < 20000; ++i) {
    std::string key = RandomKey(rng);
    if (*tree_->Insert(txn.get(), key, "value" + key)) expected[key] = "value" + key;
  }
  // Delete a contiguous run (empties whole leaves) and a random half of the rest.
  auto it = expected.begin();
  std::advance(it, expected.size() / 4);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(*tree_->Delete(txn.get(), it->first));
    it = expected.erase(it);
  }
  for (auto it2 = expected.begin(); it2 != expected.end();) {
    if (rng() % 2) {
      ASSERT_TRUE(*tree_->Delete(txn.get(), it2->first));
      it2 = expected.erase(it2);
    } else {
      ++it2;
    }
  }
  EXPECT_FALSE(*tree_->Delete(txn.get(), "never inserted"));
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeEquals(expected);

  // Delete everything: the cursor sees nothing, and the tree takes new keys again.
  txn = pager_->BeginTxn();
  for (const auto& entry : expected) ASSERT_TRUE(*tree_->Delete(txn.get(), entry.first));
  expected.clear();
  ExpectTreeEquals(expected);
  ASSERT_TRUE(*tree_->Insert(txn.get(), "again", "1"));
  expected["again"] = "1";
  ExpectTreeEquals(expected);
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
}

TEST_F(BTreeTest, SeekStartsAtLowerBound) {
  auto txn = pager_->BeginTxn();
  for (int i = 0; i < 5000; ++i) {
    char key[16];
    snprintf(key, sizeof key, "%06d", i * 2);  // even numbers only
    ASSERT_TRUE(*tree_->Insert(txn.get(), key, "x"));
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  auto from_odd = ScanFrom("003001");
  ASSERT_FALSE(from_odd.empty());
  EXPECT_EQ(from_odd.front().first, "003002");
  EXPECT_EQ(from_odd.size(), 5000u - 1501);
  EXPECT_EQ(ScanFrom("004000").front().first, "004000");
  EXPECT_TRUE(ScanFrom("999999").empty());
  EXPECT_EQ(ScanFrom("").size(), 5000u);
}

TEST_F(BTreeTest, UpdateReplacesValuesAndGrowsThroughSplits) {
  std::map<std::string, std::string> expected;
  auto txn = pager_->BeginTxn();
  for (int i = 0; i < 3000; ++i) {
    std::string key = "key" + std::to_string(i);
    ASSERT_TRUE(*tree_->Insert(txn.get(), key, "s"));
    expected[key] = "s";
  }
  for (auto& [key, value] : expected) {
    value = std::string(200 + key.size(), 'L');
    ASSERT_TRUE(*tree_->Update(txn.get(), key, value));
  }
  EXPECT_FALSE(*tree_->Update(txn.get(), "missing", "x"));
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeEquals(expected);
}

TEST_F(BTreeTest, OversizeKeysAreRefusedWith1118AndLongValuesOverflow) {
  auto txn = pager_->BeginTxn();
  std::string big_key(BTree::kMaxKeySize + 1, 'x');
  Result<bool> inserted = tree_->Insert(txn.get(), big_key, "v");
  EXPECT_EQ(inserted.status().code(), 1118);
  ASSERT_TRUE(*tree_->Insert(txn.get(), "k", "small"));
  EXPECT_EQ(tree_->Update(txn.get(), big_key, "v").status().code(), 1118);
  // A value too long for a leaf cell goes to overflow pages (btree_overflow_test.cc).
  std::string big_value(BTree::kMaxCellSize, 'x');
  ASSERT_TRUE(*tree_->Update(txn.get(), "k", big_value));
  EXPECT_EQ(**tree_->Get("k"), big_value);
  // Entries just under the inline limit still split fine.
  std::string largest(BTree::kMaxCellSize - 16, 'y');
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(*tree_->Insert(txn.get(), "big" + std::to_string(i), largest));
  }
  ASSERT_TRUE(tree_->CheckIntegrity().ok());
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
}

TEST_F(BTreeTest, AbortUndoesSplits) {
  std::map<std::string, std::string> expected;
  auto txn = pager_->BeginTxn();
  for (int i = 0; i < 100; ++i) {
    std::string key = "a" + std::to_string(i);
    ASSERT_TRUE(*tree_->Insert(txn.get(), key, "v"));
    expected[key] = "v";
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  txn = pager_->BeginTxn();
  for (int i = 0; i < 5000; ++i)
    ASSERT_TRUE(*tree_->Insert(txn.get(), "b" + std::to_string(i), "v"));
  pager_->AbortTxn(txn.get());
  ExpectTreeEquals(expected);
}

TEST_F(BTreeTest, DropFreesPagesForReuse) {
  auto fill = [&](BTree* tree) {
    auto txn = pager_->BeginTxn();
    for (int i = 0; i < 5000; ++i) {
      ASSERT_TRUE(*tree->Insert(txn.get(), "key" + std::to_string(i), std::string(50, 'v')));
    }
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  };
  fill(tree_.get());
  uint32_t pages_after_first = pager_->page_count();
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(tree_->Drop(txn.get()).ok());
  auto root = BTree::Create(pager_.get(), txn.get());
  ASSERT_TRUE(root.ok());
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  BTree second(pager_.get(), *root);
  fill(&second);
  EXPECT_LE(pager_->page_count(), pages_after_first + 1);
  EXPECT_EQ(*second.CheckIntegrity(), 5000u);
}

}  // namespace
}  // namespace minisql::storage
