// pager_recovery_test.cc — crash safety: power cuts at bad moments, torn pages,
// failed fsyncs and crashes during recovery, all on the FaultInjectionFileSystem.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "storage/file/fault_injection_file_system.h"
#include "storage/pager/pager.h"
#include "storage/wal/log_writer.h"

namespace minisql::storage {
namespace {

constexpr char kDataPath[] = "/db/minisql.db";
constexpr char kWalPath[] = "/db/minisql.wal";

class PagerRecoveryTest : public ::testing::Test {
 protected:
  Result<std::unique_ptr<Pager>> TryOpen() {
    PagerOptions options;
    options.datadir = "/db";
    options.fs = &fs_;
    options.buffer_pool_bytes = 16 * kPageSize;
    return Pager::Open(options);
  }
  std::unique_ptr<Pager> OpenPager() {
    Result<std::unique_ptr<Pager>> pager = TryOpen();
    EXPECT_TRUE(pager.ok()) << pager.status().ToString();
    return pager.ok() ? std::move(*pager) : nullptr;
  }

  FaultInjectionFileSystem fs_;
};

// Writes `text` at the start and the end of the page, so that a page torn in half
// (new first half, old second half) differs from both versions.
void Put(char* page, const std::string& text) {
  SetPageType(page, PageType::kBTreeLeaf);
  std::memset(PageContent(page), 0, kPageContentSize);
  std::memcpy(PageContent(page), text.data(), text.size());
  std::memcpy(page + kPageSize - 64, text.data(), text.size());
}

std::string Read(Pager* pager, PageId id) {
  Result<PageGuard> page = pager->FetchPage(id);
  if (!page.ok()) return page.status().ToString();
  return std::string(PageContent(page->data()));
}

PageId AllocateWith(Pager* pager, const std::string& text) {
  auto txn = pager->BeginTxn();
  Result<WritePageGuard> page = pager->AllocatePage(txn.get());
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  if (!page.ok()) return kInvalidPageId;
  Put(page->data(), text);
  PageId id = page->id();
  page->Release();
  Status s = pager->CommitTxn(txn.get());
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

Status Overwrite(Pager* pager, PageId id, const std::string& text) {
  auto txn = pager->BeginTxn();
  Result<WritePageGuard> page = pager->FetchPageForWrite(txn.get(), id);
  if (!page.ok()) return page.status();
  Put(page->data(), text);
  page->Release();
  return pager->CommitTxn(txn.get());
}

TEST_F(PagerRecoveryTest, PowerCutKeepsCommittedAndDropsUncommitted) {
  {
    auto pager = OpenPager();
    ASSERT_EQ(AllocateWith(pager.get(), "committed"), 1u);
    auto txn = pager->BeginTxn();
    Result<WritePageGuard> page = pager->FetchPageForWrite(txn.get(), 1);
    ASSERT_TRUE(page.ok());
    Put(page->data(), "uncommitted");
    page->Release();
    Result<WritePageGuard> extra = pager->AllocatePage(txn.get());
    ASSERT_TRUE(extra.ok());
    extra->Release();
    fs_.PowerCut();  // the process dies with txn open; nothing after this reaches disk
  }
  auto pager = OpenPager();
  EXPECT_FALSE(pager->created_new());
  EXPECT_FALSE(pager->was_clean_shutdown());
  EXPECT_EQ(pager->page_count(), 2u);
  EXPECT_EQ(Read(pager.get(), 1), "committed");
}

TEST_F(PagerRecoveryTest, UncommittedChangesNeverReachTheDataFile) {
  auto pager = OpenPager();
  ASSERT_EQ(AllocateWith(pager.get(), "old"), 1u);
  for (int i = 0; i < 30; ++i) AllocateWith(pager.get(), "filler");
  ASSERT_TRUE(pager->Checkpoint().ok());
  auto txn = pager->BeginTxn();
  Result<WritePageGuard> page = pager->FetchPageForWrite(txn.get(), 1);
  ASSERT_TRUE(page.ok());
  Put(page->data(), "new");
  page->Release();
  // Cycle every other page through the tiny pool: page 1 stays pinned by the txn.
  for (PageId id = 2; id <= 31; ++id) ASSERT_EQ(Read(pager.get(), id), "filler");
  std::string data = fs_.Contents(kDataPath);
  EXPECT_EQ(std::string(data.data() + kPageSize + kPageHeaderSize), "old");
  pager->AbortTxn(txn.get());
}

TEST_F(PagerRecoveryTest, LogImagesWithoutCommitAreIgnored) {
  {
    auto pager = OpenPager();
    ASSERT_EQ(AllocateWith(pager.get(), "kept"), 1u);
    ASSERT_TRUE(pager->Close().ok());
  }
  {
    // A crash after a transaction's images reached the log but before its COMMIT.
    auto wal = std::move(*fs_.OpenFile(kWalPath, false));
    LogWriter writer(wal.get(), 0, 1000);
    char page[kPageSize] = {};
    Put(page, "never committed");
    writer.AppendPageImage(77, 1, page);
    ASSERT_TRUE(writer.Sync().ok());
  }
  auto pager = OpenPager();
  EXPECT_EQ(Read(pager.get(), 1), "kept");
  // Recovery truncated the log (which now only holds Open's own header update).
  EXPECT_EQ(fs_.Contents(kWalPath).find("never committed"), std::string::npos);
}

TEST_F(PagerRecoveryTest, TornDataPageIsRepairedFromTheLog) {
  {
    auto pager = OpenPager();
    // More pages than frames: commits evict dirty pages to the (unsynced) data file.
    for (int i = 0; i < 40; ++i) AllocateWith(pager.get(), "v1 " + std::to_string(i + 1));
    ASSERT_TRUE(pager->Checkpoint().ok());  // v1 of every page is synced in the data file
    for (PageId id = 1; id <= 40; ++id) {
      ASSERT_TRUE(Overwrite(pager.get(), id, "v2 " + std::to_string(id)).ok());
    }
    fs_.PowerCut(kDataPath);  // the last data page write is torn in half
  }
  // Prove the cut really left a torn page in the data file.
  std::string data = fs_.Contents(kDataPath);
  int torn = 0;
  data.resize((data.size() + kPageSize - 1) / kPageSize * kPageSize, '\0');
  for (size_t off = 0; off < data.size(); off += kPageSize) {
    if (!PageChecksumValid(data.data() + off)) ++torn;
  }
  EXPECT_EQ(torn, 1);

  auto pager = OpenPager();
  EXPECT_EQ(pager->page_count(), 41u);
  for (PageId id = 1; id <= 40; ++id) EXPECT_EQ(Read(pager.get(), id), "v2 " + std::to_string(id));
}

TEST_F(PagerRecoveryTest, CorruptionOutsideTheLogIsReportedNotUsed) {
  {
    auto pager = OpenPager();
    AllocateWith(pager.get(), "a");
    ASSERT_TRUE(pager->Close().ok());  // checkpoint: the log no longer has page 1
  }
  fs_.Corrupt(kDataPath, kPageSize + 100, "bitrot");
  auto pager = OpenPager();
  Result<PageGuard> page = pager->FetchPage(1);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), 1033);
  EXPECT_EQ(page.status().message(),
            "Page 1 of file '/db/minisql.db' is corrupt (checksum mismatch)");
}

TEST_F(PagerRecoveryTest, CorruptFileHeaderFailsOpen) {
  {
    auto pager = OpenPager();
    AllocateWith(pager.get(), "user data");
  }
  fs_.Corrupt(kDataPath, 20, "zz");
  Result<std::unique_ptr<Pager>> pager = TryOpen();
  ASSERT_FALSE(pager.ok());
  EXPECT_EQ(pager.status().code(), 1033);
}

TEST_F(PagerRecoveryTest, CrashWhileCreatingTheDataFileStartsOver) {
  // Page 0 torn during the very first Open: no user data can exist yet.
  {
    auto data = std::move(*fs_.OpenFile(kDataPath, true));
    ASSERT_TRUE(data->Write(0, "minisql", 7).ok());
    ASSERT_TRUE(data->Sync().ok());
    auto wal = std::move(*fs_.OpenFile(kWalPath, true));
  }
  auto pager = OpenPager();
  EXPECT_TRUE(pager->created_new());
  EXPECT_EQ(AllocateWith(pager.get(), "fine"), 1u);
}

TEST_F(PagerRecoveryTest, FailedLogFsyncEntersFailedState) {
  auto pager = OpenPager();
  ASSERT_EQ(AllocateWith(pager.get(), "before"), 1u);
  fs_.FailNthSync(1);
  Status s = Overwrite(pager.get(), 1, "after");
  EXPECT_EQ(s.code(), 1026);
  // Readers see the last durable state; writers are refused, with the cause.
  EXPECT_EQ(Read(pager.get(), 1), "before");
  Status again = Overwrite(pager.get(), 1, "retry");
  EXPECT_EQ(again.code(), 1026);
  EXPECT_NE(again.message().find("refused until the server restarts"), std::string::npos);
  auto txn = pager->BeginTxn();
  EXPECT_FALSE(pager->AllocatePage(txn.get()).ok());
  EXPECT_FALSE(pager->Checkpoint().ok());
  EXPECT_FALSE(pager->Close().ok());
  pager.reset();
  fs_.PowerCut();  // the unsynced commit is lost, as its error said it might be

  auto reopened = OpenPager();
  EXPECT_EQ(Read(reopened.get(), 1), "before");
  EXPECT_TRUE(Overwrite(reopened.get(), 1, "works again").ok());
  EXPECT_EQ(Read(reopened.get(), 1), "works again");
}

TEST_F(PagerRecoveryTest, DiskFullDuringCommitIsError1021) {
  auto pager = OpenPager();
  ASSERT_EQ(AllocateWith(pager.get(), "a"), 1u);
  fs_.SetDiskFull(true);
  Status s = Overwrite(pager.get(), 1, "b");
  EXPECT_EQ(s.code(), 1021);
  EXPECT_NE(s.message().find("No space left on device"), std::string::npos);
  EXPECT_EQ(Read(pager.get(), 1), "a");
  fs_.SetDiskFull(false);
  EXPECT_EQ(Overwrite(pager.get(), 1, "c").code(), 1021);  // still failed until restart
}

TEST_F(PagerRecoveryTest, CrashDuringRecoveryJustRecoversAgain) {
  {
    auto pager = OpenPager();
    for (int i = 0; i < 10; ++i) AllocateWith(pager.get(), "r" + std::to_string(i + 1));
    fs_.PowerCut();
  }
  // Recovery's data fsync fails: Open reports it and the log is kept.
  fs_.FailNthSync(1);
  Result<std::unique_ptr<Pager>> failed = TryOpen();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), 1026);
  EXPECT_GT(fs_.Contents(kWalPath).size(), 0u);
  fs_.PowerCut("/db/minisql.db");  // and the half-done replay is torn
  auto pager = OpenPager();
  for (PageId id = 1; id <= 10; ++id) EXPECT_EQ(Read(pager.get(), id), "r" + std::to_string(id));
}

TEST_F(PagerRecoveryTest, CrashBeforeCheckpointTruncatesTheLog) {
  {
    auto pager = OpenPager();
    for (int i = 0; i < 20; ++i) AllocateWith(pager.get(), "c" + std::to_string(i + 1));
    // Checkpoint syncs: header commit (1), data file (2), log truncation (3).
    fs_.FailNthSync(3);
    EXPECT_FALSE(pager->Checkpoint().ok());
    fs_.PowerCut();
  }
  auto pager = OpenPager();
  for (PageId id = 1; id <= 20; ++id) EXPECT_EQ(Read(pager.get(), id), "c" + std::to_string(id));
}

TEST_F(PagerRecoveryTest, LsnsKeepGrowingAcrossRestarts) {
  uint64_t before;
  {
    auto pager = OpenPager();
    AllocateWith(pager.get(), "x");
    Result<PageGuard> page = pager->FetchPage(1);
    ASSERT_TRUE(page.ok());
    before = GetPageLsn(page->data());
    EXPECT_GT(before, 0u);
  }
  auto pager = OpenPager();
  ASSERT_TRUE(Overwrite(pager.get(), 1, "y").ok());
  Result<PageGuard> page = pager->FetchPage(1);
  ASSERT_TRUE(page.ok());
  EXPECT_GT(GetPageLsn(page->data()), before);
}

}  // namespace
}  // namespace minisql::storage
