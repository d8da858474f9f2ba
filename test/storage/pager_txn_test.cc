// pager_txn_test.cc — pager transactions: commit, abort, allocation, the free list,
// checkpoints, and misuse answered with errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "storage/file/fault_injection_file_system.h"
#include "storage/pager/pager.h"

namespace minisql::storage {
namespace {

class PagerTxnTest : public ::testing::Test {
 protected:
  std::unique_ptr<Pager> OpenPager(uint64_t checkpoint_wal_bytes = 64ull << 20) {
    PagerOptions options;
    options.datadir = "/db";
    options.fs = &fs_;
    options.buffer_pool_bytes = 16 * kPageSize;
    options.checkpoint_wal_bytes = checkpoint_wal_bytes;
    Result<std::unique_ptr<Pager>> pager = Pager::Open(options);
    EXPECT_TRUE(pager.ok()) << pager.status().ToString();
    return pager.ok() ? std::move(*pager) : nullptr;
  }

  FaultInjectionFileSystem fs_;
};

void Put(char* page, const std::string& text) {
  SetPageType(page, PageType::kBTreeLeaf);
  std::memset(PageContent(page), 0, kPageContentSize);
  std::memcpy(PageContent(page), text.data(), text.size());
}
std::string Get(const char* page) {
  return std::string(PageContent(page));
}

// Allocates a page in its own committed txn, writes `text` into it.
PageId AllocateWith(Pager* pager, const std::string& text) {
  auto txn = pager->BeginTxn();
  Result<WritePageGuard> page = pager->AllocatePage(txn.get());
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  if (!page.ok()) return kInvalidPageId;
  Put(page->data(), text);
  PageId id = page->id();
  page->Release();
  EXPECT_TRUE(pager->CommitTxn(txn.get()).ok());
  return id;
}

std::string Read(Pager* pager, PageId id) {
  Result<PageGuard> page = pager->FetchPage(id);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? Get(page->data()) : "<error>";
}

TEST_F(PagerTxnTest, FreshDirectoryStartsAtPageOne) {
  auto pager = OpenPager();
  EXPECT_TRUE(pager->created_new());
  EXPECT_EQ(pager->page_count(), 1u);
  EXPECT_EQ(AllocateWith(pager.get(), "catalog"), 1u);
  EXPECT_EQ(AllocateWith(pager.get(), "second"), 2u);
  EXPECT_EQ(pager->page_count(), 3u);
}

TEST_F(PagerTxnTest, CommitThenReopenKeepsData) {
  {
    auto pager = OpenPager();
    for (int i = 0; i < 40; ++i) AllocateWith(pager.get(), "row " + std::to_string(i));
    ASSERT_TRUE(pager->Close().ok());
  }
  auto pager = OpenPager();
  EXPECT_FALSE(pager->created_new());
  EXPECT_TRUE(pager->was_clean_shutdown());
  EXPECT_EQ(pager->page_count(), 41u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(Read(pager.get(), i + 1), "row " + std::to_string(i));
}

TEST_F(PagerTxnTest, CommitThenReopenOnRealDisk) {
  char tmpl[] = "/tmp/minisql_pager_test_XXXXXX";
  std::string dir = mkdtemp(tmpl);
  PagerOptions options;
  options.datadir = dir + "/data";  // created by Open
  {
    Result<std::unique_ptr<Pager>> pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok()) << pager.status().ToString();
    EXPECT_TRUE((*pager)->created_new());
    EXPECT_EQ(AllocateWith(pager->get(), "durable"), 1u);
  }
  {
    Result<std::unique_ptr<Pager>> pager = Pager::Open(options);
    ASSERT_TRUE(pager.ok()) << pager.status().ToString();
    EXPECT_FALSE((*pager)->created_new());
    EXPECT_EQ(Read(pager->get(), 1), "durable");
  }
  std::string cmd = "rm -rf '" + dir + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST_F(PagerTxnTest, AbortRestoresPreImages) {
  auto pager = OpenPager();
  PageId a = AllocateWith(pager.get(), "original");
  auto txn = pager->BeginTxn();
  {
    Result<WritePageGuard> page = pager->FetchPageForWrite(txn.get(), a);
    ASSERT_TRUE(page.ok());
    Put(page->data(), "changed");
    // The writer sees its own change through a read pin.
    EXPECT_EQ(Read(pager.get(), a), "changed");
  }
  Result<WritePageGuard> fresh = pager->AllocatePage(txn.get());
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->id(), 2u);
  fresh->Release();
  EXPECT_EQ(pager->page_count(), 3u);
  pager->AbortTxn(txn.get());
  EXPECT_EQ(Read(pager.get(), a), "original");
  EXPECT_EQ(pager->page_count(), 2u);
  EXPECT_FALSE(pager->FetchPage(2).ok());  // the allocation was undone
  EXPECT_EQ(AllocateWith(pager.get(), "again"), 2u);
}

TEST_F(PagerTxnTest, DestroyingAnUnfinishedTxnAborts) {
  auto pager = OpenPager();
  PageId a = AllocateWith(pager.get(), "keep");
  {
    auto txn = pager->BeginTxn();
    Result<WritePageGuard> page = pager->FetchPageForWrite(txn.get(), a);
    ASSERT_TRUE(page.ok());
    Put(page->data(), "discard");
  }
  EXPECT_EQ(Read(pager.get(), a), "keep");
  // No transaction is left active.
  EXPECT_EQ(AllocateWith(pager.get(), "next"), 2u);
}

TEST_F(PagerTxnTest, FreeListReusesFreedPages) {
  auto pager = OpenPager();
  PageId a = AllocateWith(pager.get(), "a");
  PageId b = AllocateWith(pager.get(), "b");
  PageId c = AllocateWith(pager.get(), "c");
  auto txn = pager->BeginTxn();
  ASSERT_TRUE(pager->FreePage(txn.get(), b).ok());
  ASSERT_TRUE(pager->FreePage(txn.get(), a).ok());
  EXPECT_EQ(pager->FreePage(txn.get(), a).code(), 1815);  // double free is refused
  ASSERT_TRUE(pager->CommitTxn(txn.get()).ok());
  // LIFO: the last freed page comes back first, zero-filled, type kFree.
  txn = pager->BeginTxn();
  Result<WritePageGuard> first = pager->AllocatePage(txn.get());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->id(), a);
  EXPECT_EQ(GetPageType(first->data()), PageType::kFree);
  EXPECT_EQ(Get(first->data()), "");
  first->Release();
  Result<WritePageGuard> second = pager->AllocatePage(txn.get());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->id(), b);
  second->Release();
  Result<WritePageGuard> third = pager->AllocatePage(txn.get());
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->id(), c + 1);  // free list empty: extends the file
  third->Release();
  ASSERT_TRUE(pager->CommitTxn(txn.get()).ok());
  EXPECT_EQ(Read(pager.get(), c), "c");
}

TEST_F(PagerTxnTest, FreeListSurvivesReopen) {
  {
    auto pager = OpenPager();
    AllocateWith(pager.get(), "a");
    PageId b = AllocateWith(pager.get(), "b");
    auto txn = pager->BeginTxn();
    ASSERT_TRUE(pager->FreePage(txn.get(), b).ok());
    ASSERT_TRUE(pager->CommitTxn(txn.get()).ok());
  }
  auto pager = OpenPager();
  EXPECT_EQ(AllocateWith(pager.get(), "reused"), 2u);
  EXPECT_EQ(pager->page_count(), 3u);
}

TEST_F(PagerTxnTest, AbortPutsBackFreedPages) {
  auto pager = OpenPager();
  PageId a = AllocateWith(pager.get(), "a");
  auto txn = pager->BeginTxn();
  ASSERT_TRUE(pager->FreePage(txn.get(), a).ok());
  pager->AbortTxn(txn.get());
  EXPECT_EQ(Read(pager.get(), a), "a");
  EXPECT_EQ(AllocateWith(pager.get(), "b"), 2u);  // a was not left on the free list
}

TEST_F(PagerTxnTest, CheckpointTruncatesTheLog) {
  auto pager = OpenPager();
  for (int i = 0; i < 5; ++i) AllocateWith(pager.get(), "x");
  EXPECT_GT(pager->wal_size_bytes(), 5 * kPageSize);
  ASSERT_TRUE(pager->Checkpoint().ok());
  EXPECT_EQ(pager->wal_size_bytes(), 0u);
  EXPECT_EQ(fs_.Contents("/db/minisql.wal").size(), 0u);
  EXPECT_GE(fs_.Contents("/db/minisql.db").size(), 6 * kPageSize);
  EXPECT_EQ(Read(pager.get(), 5), "x");
}

TEST_F(PagerTxnTest, AutomaticCheckpointWhenTheLogGrows) {
  auto pager = OpenPager(/*checkpoint_wal_bytes=*/4 * kPageSize);
  for (int i = 0; i < 20; ++i) {
    AllocateWith(pager.get(), "row " + std::to_string(i));
    EXPECT_LE(pager->wal_size_bytes(), 8 * kPageSize);
  }
  for (int i = 0; i < 20; ++i) EXPECT_EQ(Read(pager.get(), i + 1), "row " + std::to_string(i));
}

TEST_F(PagerTxnTest, BadPageIdsAndMisuseAreErrors) {
  auto pager = OpenPager();
  AllocateWith(pager.get(), "a");
  EXPECT_EQ(pager->FetchPage(0).status().code(), 1033);  // the file header is private
  Result<PageGuard> missing = pager->FetchPage(7);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("Page 7 of file '/db/minisql.db' does not exist"),
            std::string::npos);
  auto txn = pager->BeginTxn();
  EXPECT_FALSE(pager->FetchPageForWrite(txn.get(), 0).ok());
  EXPECT_FALSE(pager->FreePage(txn.get(), 0).ok());
  EXPECT_FALSE(pager->FetchPageForWrite(nullptr, 1).ok());
  // A second writer while the first is active is refused.
  ASSERT_TRUE(pager->FetchPageForWrite(txn.get(), 1).ok());
  auto other = pager->BeginTxn();
  EXPECT_EQ(pager->FetchPageForWrite(other.get(), 1).status().code(), 1815);
  EXPECT_FALSE(pager->Checkpoint().ok());  // not during a write transaction
  ASSERT_TRUE(pager->CommitTxn(txn.get()).ok());
  EXPECT_FALSE(pager->CommitTxn(txn.get()).ok());   // already finished
  EXPECT_TRUE(pager->CommitTxn(other.get()).ok());  // touched nothing: trivially OK
}

TEST_F(PagerTxnTest, TxnLargerThanThePoolFailsCleanly) {
  auto pager = OpenPager();
  auto txn = pager->BeginTxn();
  Status last;
  for (int i = 0; i < 40 && last.ok(); ++i) {
    Result<WritePageGuard> page = pager->AllocatePage(txn.get());
    last = page.status();
  }
  EXPECT_EQ(last.code(), 1041);
  pager->AbortTxn(txn.get());
  EXPECT_EQ(pager->page_count(), 1u);
  EXPECT_EQ(AllocateWith(pager.get(), "fine"), 1u);
}

}  // namespace
}  // namespace minisql::storage
