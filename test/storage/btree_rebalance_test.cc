// btree_rebalance_test.cc — deletes keep the B+ tree balanced: random insert/delete
// batches against a std::map model with the integrity checker (which verifies fill)
// after every batch, delete-everything shrinking to one empty root leaf, freed pages
// being reused, and the checker catching an underfull node.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/file/fault_injection_file_system.h"

namespace minisql::storage {
namespace {

class BTreeRebalanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PagerOptions options;
    options.datadir = "/tree";
    options.fs = &fs_;
    options.buffer_pool_bytes = 4096 * kPageSize;
    pager_ = std::move(*Pager::Open(options));
    auto txn = pager_->BeginTxn();
    root_ = *BTree::Create(pager_.get(), txn.get());
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    tree_ = std::make_unique<BTree>(pager_.get(), root_);
  }

  // The tree's contents, through a cursor over the leaf chain.
  std::map<std::string, std::string> Contents() {
    std::map<std::string, std::string> out;
    auto cursor = std::move(*tree_->Seek(""));
    std::string key, value;
    while (true) {
      Result<bool> more = cursor->Next(&key, &value);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      out[key] = value;
    }
    return out;
  }

  void ExpectMatchesModel(const std::map<std::string, std::string>& model) {
    Result<uint64_t> count = tree_->CheckIntegrity();
    ASSERT_TRUE(count.ok()) << count.status().ToString();
    EXPECT_EQ(*count, model.size());
    EXPECT_EQ(Contents(), model);
  }

  // The root page as a node: (is leaf, entry count).
  std::pair<bool, size_t> Root() {
    auto page = std::move(*BTree::FetchNode(pager_.get(), root_));
    const BTreeNode node(const_cast<char*>(PageContent(page.data())), kPageContentSize);
    return {node.is_leaf(), node.count()};
  }

  FaultInjectionFileSystem fs_;
  std::unique_ptr<Pager> pager_;
  PageId root_ = 0;
  std::unique_ptr<BTree> tree_;
};

std::string KeyFor(uint32_t n) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "k%08u", n);
  return buf;
}

TEST_F(BTreeRebalanceTest, RandomInsertsAndDeletesMatchAModel) {
  std::mt19937 rng(20261125);
  std::map<std::string, std::string> model;
  for (int batch = 0; batch < 40; ++batch) {
    auto txn = pager_->BeginTxn();
    // Alternate growing and shrinking phases so that merges, redistributions and
    // root shrinks all happen; values of mixed sizes (some long keys too) make fill
    // uneven.
    bool grow = (batch / 5) % 2 == 0;
    for (int op = 0; op < 400; ++op) {
      std::string key = KeyFor(rng() % 5000);
      if (rng() % 10 == 0) key += std::string(rng() % 600, 'x');
      bool insert = grow ? rng() % 4 != 0 : rng() % 4 == 0;
      if (insert) {
        std::string value(rng() % 3 == 0 ? 200 + rng() % 900 : rng() % 40, 'a' + rng() % 26);
        Result<bool> inserted = tree_->Insert(txn.get(), key, value);
        ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
        if (*inserted) {
          model[key] = value;
        } else {
          ASSERT_TRUE(*tree_->Update(txn.get(), key, value));
          model[key] = value;
        }
      } else if (!model.empty()) {
        // Delete an existing key near a random point (a miss is also exercised).
        auto it = model.lower_bound(key);
        if (it == model.end()) it = model.begin();
        if (rng() % 8 == 0) {
          ASSERT_FALSE(*tree_->Delete(txn.get(), it->first + "-missing"));
        }
        Result<bool> deleted = tree_->Delete(txn.get(), it->first);
        ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
        ASSERT_TRUE(*deleted);
        model.erase(it);
      }
    }
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    SCOPED_TRACE("batch " + std::to_string(batch));
    ExpectMatchesModel(model);
    for (int probe = 0; probe < 20; ++probe) {
      std::string key = KeyFor(rng() % 5000);
      auto expected = model.find(key);
      Result<std::optional<std::string>> got = tree_->Get(key);
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(got->has_value(), expected != model.end());
    }
  }
}

TEST_F(BTreeRebalanceTest, DeletingEverythingLeavesOneEmptyLeafAndTheFileDoesNotGrow) {
  uint32_t pages_after_first_fill = 0;
  for (int cycle = 0; cycle < 4; ++cycle) {
    auto txn = pager_->BeginTxn();
    for (uint32_t i = 0; i < 6000; ++i) {
      ASSERT_TRUE(*tree_->Insert(txn.get(), KeyFor(i), std::string(60, 'v')));
    }
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    EXPECT_FALSE(Root().first);  // two levels
    if (cycle == 0) pages_after_first_fill = pager_->page_count();
    // Every later cycle reuses the pages the previous delete freed.
    EXPECT_EQ(pager_->page_count(), pages_after_first_fill) << "cycle " << cycle;

    txn = pager_->BeginTxn();
    // Delete in an order that hits both ends and the middle.
    for (uint32_t i = 0; i < 6000; i += 2) ASSERT_TRUE(*tree_->Delete(txn.get(), KeyFor(i)));
    ASSERT_TRUE(tree_->CheckIntegrity().ok());
    for (uint32_t i = 5999; i < 6000; i -= 2) ASSERT_TRUE(*tree_->Delete(txn.get(), KeyFor(i)));
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    EXPECT_EQ(Root(), std::make_pair(true, size_t{0}));
    EXPECT_EQ(*tree_->CheckIntegrity(), 0u);
  }
}

// Long keys make internal nodes hold few entries, so the tree is deep and internal
// nodes merge and redistribute too (separators of different lengths move up and down).
TEST_F(BTreeRebalanceTest, DeepTreeWithLongKeysShrinksLevelByLevel) {
  std::mt19937 rng(7);
  std::vector<std::string> keys;
  for (uint32_t i = 0; i < 3000; ++i) keys.push_back(KeyFor(i) + std::string(rng() % 900, 'p'));
  std::shuffle(keys.begin(), keys.end(), rng);
  std::map<std::string, std::string> model;
  auto txn = pager_->BeginTxn();
  for (const std::string& key : keys) {
    ASSERT_TRUE(*tree_->Insert(txn.get(), key, "v"));
    model[key] = "v";
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectMatchesModel(model);
  std::shuffle(keys.begin(), keys.end(), rng);
  for (size_t i = 0; i < keys.size(); ++i) {
    txn = pager_->BeginTxn();
    ASSERT_TRUE(*tree_->Delete(txn.get(), keys[i]));
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    model.erase(keys[i]);
    if (i % 150 == 0) {
      SCOPED_TRACE("after " + std::to_string(i + 1) + " deletes");
      ExpectMatchesModel(model);
    }
  }
  ExpectMatchesModel(model);
  EXPECT_EQ(Root(), std::make_pair(true, size_t{0}));
}

TEST_F(BTreeRebalanceTest, RollbackOfAMergeRestoresTheTree) {
  auto txn = pager_->BeginTxn();
  std::map<std::string, std::string> model;
  for (uint32_t i = 0; i < 2000; ++i) {
    ASSERT_TRUE(*tree_->Insert(txn.get(), KeyFor(i), "value"));
    model[KeyFor(i)] = "value";
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  uint32_t pages = pager_->page_count();
  txn = pager_->BeginTxn();
  for (uint32_t i = 100; i < 1900; ++i) ASSERT_TRUE(*tree_->Delete(txn.get(), KeyFor(i)));
  pager_->AbortTxn(txn.get());
  ExpectMatchesModel(model);
  EXPECT_EQ(pager_->page_count(), pages);
}

TEST_F(BTreeRebalanceTest, CheckerReportsAnUnderfullNode) {
  auto txn = pager_->BeginTxn();
  for (uint32_t i = 0; i < 3000; ++i) ASSERT_TRUE(*tree_->Insert(txn.get(), KeyFor(i), "v"));
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ASSERT_TRUE(tree_->CheckIntegrity().ok());
  // Empty the first leaf behind the tree's back (as the old code, which never merged,
  // could leave it).
  auto root = std::move(*BTree::FetchNode(pager_.get(), root_));
  PageId first_leaf =
      BTreeNode(const_cast<char*>(PageContent(root.data())), kPageContentSize).ChildAt(0);
  root.Release();
  txn = pager_->BeginTxn();
  auto leaf = std::move(*pager_->FetchPageForWrite(txn.get(), first_leaf));
  BTreeNode node(PageContent(leaf.data()), kPageContentSize);
  while (node.count() > 1) node.RemoveCell(1);
  leaf.Release();
  Result<uint64_t> check = tree_->CheckIntegrity();
  EXPECT_EQ(check.status().code(), 1712);
  EXPECT_NE(check.status().message().find("underfull"), std::string::npos);
  pager_->AbortTxn(txn.get());
  EXPECT_TRUE(tree_->CheckIntegrity().ok());
}

}  // namespace
}  // namespace minisql::storage
