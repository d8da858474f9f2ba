// Tests for long B+ tree values in overflow chains: round trips from just past the
// inline limit up to 4 MB, long <-> short updates, pages freed by delete/update/drop
// and reused, rollback, persistence across reopen and a power cut, damaged chains
// reported as corruption, values too large for the buffer pool refused cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/btree/overflow.h"
#include "storage/file/fault_injection_file_system.h"
#include "storage/page/byte_order.h"

namespace minisql::storage {
namespace {

/// `size` bytes that differ from position to position (and from `seed` to `seed`), so a
/// misplaced or missing chunk cannot go unnoticed.
std::string Pattern(size_t size, uint32_t seed = 1) {
  std::string value(size, '\0');
  std::mt19937 rng(seed);
  for (char& c : value) c = static_cast<char>(rng());
  return value;
}

class BTreeOverflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("btree_overflow_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Open(64ull << 20);
    auto txn = pager_->BeginTxn();
    auto root = BTree::Create(pager_.get(), txn.get());
    ASSERT_TRUE(root.ok()) << root.status().ToString();
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    root_ = *root;
    tree_ = std::make_unique<BTree>(pager_.get(), root_);
  }
  void TearDown() override {
    tree_.reset();
    pager_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open(uint64_t pool_bytes) {
    tree_.reset();
    pager_.reset();
    PagerOptions options;
    options.datadir = dir_.string();
    options.buffer_pool_bytes = pool_bytes;
    auto pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok()) << pager.status().ToString();
    pager_ = std::move(*pager);
    tree_ = std::make_unique<BTree>(pager_.get(), root_);
  }

  void Put(const std::string& key, const std::string& value) {
    auto txn = pager_->BeginTxn();
    Result<bool> inserted = tree_->Insert(txn.get(), key, value);
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
    ASSERT_TRUE(*inserted);
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  }
  void Remove(const std::string& key) {
    auto txn = pager_->BeginTxn();
    Result<bool> deleted = tree_->Delete(txn.get(), key);
    ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
    ASSERT_TRUE(*deleted);
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  }
  std::optional<std::string> Get(const std::string& key) {
    Result<std::optional<std::string>> value = tree_->Get(key);
    EXPECT_TRUE(value.ok()) << value.status().ToString();
    return value.ok() ? *value : std::nullopt;
  }
  /// The tree is intact and holds exactly `expected` (checked by Get and by a scan).
  void ExpectTreeHolds(const std::map<std::string, std::string>& expected) {
    Result<uint64_t> count = tree_->CheckIntegrity();
    ASSERT_TRUE(count.ok()) << count.status().ToString();
    EXPECT_EQ(*count, expected.size());
    auto cursor = tree_->Seek("");
    ASSERT_TRUE(cursor.ok());
    std::string key, value;
    auto it = expected.begin();
    while (true) {
      Result<bool> more = (*cursor)->Next(&key, &value);
      ASSERT_TRUE(more.ok()) << more.status().ToString();
      if (!*more) break;
      ASSERT_NE(it, expected.end());
      EXPECT_EQ(key, it->first);
      EXPECT_TRUE(value == it->second) << "value of " << key << " differs";
      ++it;
    }
    EXPECT_EQ(it, expected.end());
    for (const auto& [k, v] : expected) EXPECT_TRUE(Get(k) == v) << k;
  }
  /// The first overflow page of `key`'s value (its leaf must be the root).
  PageId FirstOverflowPage(const std::string& key) {
    auto page = BTree::FetchNode(pager_.get(), root_);
    EXPECT_TRUE(page.ok());
    const BTreeNode node(const_cast<char*>(PageContent(page->data())), kPageContentSize);
    size_t index = node.LowerBound(key);
    EXPECT_TRUE(node.HasOverflowAt(index));
    return node.OverflowPageAt(index);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Pager> pager_;
  std::unique_ptr<BTree> tree_;
  PageId root_ = kInvalidPageId;
};

TEST(BTreeNodeOverflowRuleTest, OverflowFollowsFromTheLengthsAlone) {
  // A value whose inline cell is exactly kMaxCellSize stays inline; one byte more spills.
  size_t key_size = 10;
  size_t fits = BTreeNode::kMaxCellSize - BTreeNode::kSlotSize - 1 - 2 - key_size;
  EXPECT_FALSE(BTreeNode::ValueOverflows(key_size, fits));
  EXPECT_EQ(BTreeNode::LeafCellSize(key_size, fits), BTreeNode::kMaxCellSize);
  EXPECT_TRUE(BTreeNode::ValueOverflows(key_size, fits + 1));
  EXPECT_EQ(BTreeNode::StoredValueSize(key_size, fits + 1), BTreeNode::kOverflowRefSize);
  EXPECT_TRUE(BTreeNode::ValueOverflows(0, UINT64_MAX));  // no arithmetic overflow
  // The longest key still fits an overflow cell of the longest value.
  EXPECT_LE(BTreeNode::LeafCellSize(BTree::kMaxKeySize, UINT64_MAX), BTreeNode::kMaxCellSize);
}

TEST_F(BTreeOverflowTest, ValuesFromTheInlineLimitTo4MBRoundTrip) {
  std::map<std::string, std::string> expected;
  size_t inline_max = BTreeNode::kMaxCellSize - BTreeNode::kSlotSize - 1 - 2 - 2;  // key "kN"
  std::vector<size_t> sizes = {inline_max,
                               inline_max + 1,
                               kOverflowDataSize - 1,
                               kOverflowDataSize,
                               kOverflowDataSize + 1,
                               2 * kOverflowDataSize,
                               10 << 10,
                               100 << 10,
                               1 << 20,
                               4 << 20};
  for (size_t i = 0; i < sizes.size(); ++i) {
    std::string key = "k" + std::to_string(i);
    expected[key] = Pattern(sizes[i], static_cast<uint32_t>(i));
    Put(key, expected[key]);
  }
  ExpectTreeHolds(expected);
  // 4 MB alone needs 514 pages of 8168 bytes.
  EXPECT_GT(pager_->page_count(), OverflowPageCount(4 << 20));
}

TEST_F(BTreeOverflowTest, UpdateLongToShortAndBackReusesPages) {
  std::string long_value = Pattern(100 << 10);
  Put("k", long_value);
  uint32_t pages = pager_->page_count();
  for (int round = 0; round < 5; ++round) {
    auto txn = pager_->BeginTxn();
    ASSERT_TRUE(*tree_->Update(txn.get(), "k", "short"));
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    EXPECT_EQ(Get("k"), "short");
    txn = pager_->BeginTxn();
    std::string other = Pattern(100 << 10, round + 7);
    ASSERT_TRUE(*tree_->Update(txn.get(), "k", other));
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
    EXPECT_TRUE(Get("k") == other);
  }
  // Long -> long in one step frees the old chain before writing the new one.
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(*tree_->Update(txn.get(), "k", long_value));
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeHolds({{"k", long_value}});
  EXPECT_EQ(pager_->page_count(), pages);
}

TEST_F(BTreeOverflowTest, DeleteFreesChainsSoRepeatedCyclesDoNotGrowTheFile) {
  uint32_t pages_after_first_cycle = 0;
  for (int cycle = 0; cycle < 6; ++cycle) {
    for (int i = 0; i < 8; ++i) Put("row" + std::to_string(i), Pattern(50 << 10, cycle * 8 + i));
    for (int i = 0; i < 8; ++i) Remove("row" + std::to_string(i));
    if (cycle == 0) pages_after_first_cycle = pager_->page_count();
    EXPECT_EQ(pager_->page_count(), pages_after_first_cycle) << "cycle " << cycle;
  }
  ExpectTreeHolds({});
}

TEST_F(BTreeOverflowTest, ManyMediumValuesSplitLeavesAndDropFreesEverything) {
  std::map<std::string, std::string> expected;
  std::vector<std::string> insertion_order;
  std::mt19937 rng(5);
  auto txn = pager_->BeginTxn();
  for (int i = 0; i < 400; ++i) {
    std::string key = "key" + std::to_string(rng() % 100000);
    std::string value = Pattern(1000 + rng() % 12000, i);  // inline and overflowing
    Result<bool> inserted = tree_->Insert(txn.get(), key, value);
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
    if (*inserted) {
      expected[key] = value;
      insertion_order.push_back(key);
    }
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeHolds(expected);
  uint32_t pages = pager_->page_count();

  txn = pager_->BeginTxn();
  ASSERT_TRUE(tree_->Drop(txn.get()).ok());
  auto root = BTree::Create(pager_.get(), txn.get());
  ASSERT_TRUE(root.ok());
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  root_ = *root;
  tree_ = std::make_unique<BTree>(pager_.get(), root_);
  txn = pager_->BeginTxn();
  for (const std::string& key : insertion_order) {
    ASSERT_TRUE(*tree_->Insert(txn.get(), key, expected[key]));  // same order, same shape
  }
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeHolds(expected);
  EXPECT_LE(pager_->page_count(), pages + 1);  // everything came from the free list
}

TEST_F(BTreeOverflowTest, RollbackForgetsLongValuesAndTheirPages) {
  std::string kept = Pattern(30 << 10, 1);
  Put("kept", kept);
  uint32_t pages = pager_->page_count();
  auto txn = pager_->BeginTxn();
  ASSERT_TRUE(*tree_->Insert(txn.get(), "new", Pattern(200 << 10, 2)));
  ASSERT_TRUE(*tree_->Update(txn.get(), "kept", Pattern(70 << 10, 3)));
  EXPECT_EQ(Get("new")->size(), 200u << 10);  // the writer sees its own changes
  pager_->AbortTxn(txn.get());
  EXPECT_EQ(pager_->page_count(), pages);
  ExpectTreeHolds({{"kept", kept}});
  txn = pager_->BeginTxn();
  ASSERT_TRUE(*tree_->Delete(txn.get(), "kept"));
  pager_->AbortTxn(txn.get());
  ExpectTreeHolds({{"kept", kept}});
}

TEST_F(BTreeOverflowTest, LongValuesSurviveReopen) {
  std::string value = Pattern(1 << 20, 9);
  Put("big", value);
  Put("small", "s");
  Open(64ull << 20);
  ExpectTreeHolds({{"big", value}, {"small", "s"}});
}

TEST_F(BTreeOverflowTest, ValueTooLargeForThePoolFailsCleanly) {
  Open(1ull << 20);  // 128 frames
  Put("small", "s");
  std::string huge = Pattern(2 << 20);  // 257 pages
  auto txn = pager_->BeginTxn();
  Result<bool> inserted = tree_->Insert(txn.get(), "huge", huge);
  ASSERT_FALSE(inserted.ok());
  EXPECT_EQ(inserted.status().code(), 1041);
  EXPECT_NE(inserted.status().message().find("buffer_pool_bytes"), std::string::npos);
  pager_->AbortTxn(txn.get());
  // The same holds for an update, and the tree is untouched afterwards.
  txn = pager_->BeginTxn();
  EXPECT_EQ(tree_->Update(txn.get(), "small", huge).status().code(), 1041);
  pager_->AbortTxn(txn.get());
  std::string fits = Pattern(500 << 10);  // 63 pages
  Put("fits", fits);
  ExpectTreeHolds({{"fits", fits}, {"small", "s"}});
}

TEST_F(BTreeOverflowTest, ManyLongValuesInOneTransactionHitThePoolLimitWithAnError) {
  Open(1ull << 20);  // 128 frames; each value below needs 13 pages
  auto txn = pager_->BeginTxn();
  Status failure;
  for (int i = 0; i < 20 && failure.ok(); ++i) {
    Result<bool> inserted = tree_->Insert(txn.get(), "k" + std::to_string(i), Pattern(100 << 10));
    if (!inserted.ok()) failure = inserted.status();
  }
  EXPECT_EQ(failure.code(), 1041);
  pager_->AbortTxn(txn.get());
  ExpectTreeHolds({});
}

TEST_F(BTreeOverflowTest, DamagedChainsAreReportedNotFollowed) {
  std::string value = Pattern(3 * kOverflowDataSize);
  Put("k", value);
  PageId first = FirstOverflowPage("k");
  auto damage = [&](PageId page, size_t offset, uint32_t v) {
    auto txn = pager_->BeginTxn();
    auto guard = pager_->FetchPageForWrite(txn.get(), page);
    ASSERT_TRUE(guard.ok());
    EncodeFixed32(guard->data() + offset, v);
    guard->Release();
    ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  };
  auto expect_corrupt = [&] {
    EXPECT_EQ(tree_->Get("k").status().code(), 1712);
    EXPECT_EQ(tree_->CheckIntegrity().status().code(), 1712);
    auto txn = pager_->BeginTxn();
    EXPECT_EQ(tree_->Delete(txn.get(), "k").status().code(), 1712);
    pager_->AbortTxn(txn.get());
  };
  auto page_bytes = [&](PageId page) {
    auto guard = pager_->FetchPage(page);
    return std::string(guard->data(), kPageSize);
  };
  std::string original = page_bytes(first);
  PageId second = DecodeFixed32(original.data() + kPageHeaderSize);

  damage(first, kPageHeaderSize, first);  // a cycle: next = itself
  expect_corrupt();
  damage(first, kPageHeaderSize, second);
  damage(first, kPageHeaderSize + 4, 100);  // wrong byte count
  expect_corrupt();
  damage(first, kPageHeaderSize + 4, kOverflowDataSize);
  damage(first, kPageHeaderSize, 1u << 30);  // next page beyond the file
  expect_corrupt();
  damage(first, kPageHeaderSize, root_);  // next page is a B+ tree node
  expect_corrupt();
  damage(first, kPageHeaderSize, second);
  EXPECT_TRUE(Get("k") == value);  // repaired
  ASSERT_TRUE(tree_->CheckIntegrity().ok());
}

TEST_F(BTreeOverflowTest, KeysStayLimitedWith1118) {
  std::string longest(BTree::kMaxKeySize, 'k');
  std::string too_long(BTree::kMaxKeySize + 1, 'k');
  auto txn = pager_->BeginTxn();
  EXPECT_EQ(tree_->Insert(txn.get(), too_long, "v").status().code(), 1118);
  EXPECT_EQ(tree_->Update(txn.get(), too_long, "v").status().code(), 1118);
  EXPECT_FALSE(BTree::EntryFits(too_long, ""));
  ASSERT_TRUE(*tree_->Insert(txn.get(), longest, Pattern(20000)));
  std::string longest_small_value(BTree::kMaxKeySize, 'j');
  ASSERT_TRUE(*tree_->Insert(txn.get(), longest_small_value, "x"));
  ASSERT_TRUE(pager_->CommitTxn(txn.get()).ok());
  ExpectTreeHolds({{longest, Pattern(20000)}, {longest_small_value, "x"}});
}

TEST(BTreeOverflowCrashTest, CommittedLongValuesSurviveAPowerCut) {
  FaultInjectionFileSystem fs;
  PagerOptions options;
  options.datadir = "/crash";
  options.fs = &fs;
  options.buffer_pool_bytes = 16ull << 20;
  std::string committed = Pattern(300 << 10, 1);
  PageId root;
  {
    auto pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok());
    auto txn = (*pager)->BeginTxn();
    root = *BTree::Create(pager->get(), txn.get());
    BTree tree(pager->get(), root);
    ASSERT_TRUE(*tree.Insert(txn.get(), "committed", committed));
    ASSERT_TRUE((*pager)->CommitTxn(txn.get()).ok());
    txn = (*pager)->BeginTxn();
    ASSERT_TRUE(*tree.Insert(txn.get(), "lost", Pattern(300 << 10, 2)));
    fs.PowerCut();
    (*pager)->AbortTxn(txn.get());
  }
  auto pager = Pager::Open(options);
  ASSERT_TRUE(pager.ok()) << pager.status().ToString();
  BTree tree(pager->get(), root);
  EXPECT_EQ(*tree.CheckIntegrity(), 1u);
  EXPECT_TRUE(**tree.Get("committed") == committed);
  EXPECT_FALSE(tree.Get("lost")->has_value());
}

}  // namespace
}  // namespace minisql::storage
