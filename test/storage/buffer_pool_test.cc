// buffer_pool_test.cc — the buffer pool over an in-memory file: eviction keeps data
// intact, pins are respected, corruption and I/O errors surface as errors.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "storage/buffer/buffer_pool.h"
#include "storage/file/fault_injection_file_system.h"

namespace minisql::storage {
namespace {

class BufferPoolTest : public ::testing::Test {
 protected:
  void SetUp() override { file_ = std::move(*fs_.OpenFile("data", true)); }

  // A pool of exactly `frames` frames.
  std::unique_ptr<BufferPool> MakePool(size_t frames) {
    return std::make_unique<BufferPool>(file_.get(), frames * kPageSize);
  }

  FaultInjectionFileSystem fs_;
  std::unique_ptr<File> file_;
};

void FillPage(char* page, PageId id) {
  SetPageType(page, PageType::kBTreeLeaf);
  std::string text = "page " + std::to_string(id);
  std::memcpy(PageContent(page), text.data(), text.size());
}

TEST_F(BufferPoolTest, FrameCountHasAMinimum) {
  EXPECT_EQ(MakePool(1)->frame_count(), BufferPool::kMinFrames);
  EXPECT_EQ(MakePool(40)->frame_count(), 40u);
}

TEST_F(BufferPoolTest, CheckedLastsUntilTheBytesMayChange) {
  auto pool = MakePool(16);
  {
    Result<WritePageGuard> page = pool->NewPage(3);
    ASSERT_TRUE(page.ok());
    FillPage(page->data(), 3);
    page->MarkDirty();
  }
  Result<PageGuard> first = pool->FetchPage(3);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->checked());
  first->MarkChecked();
  EXPECT_TRUE(first->checked());
  first->Release();
  EXPECT_TRUE(pool->FetchPage(3)->checked());

  // A writer handed the page to change it: not checked any more, and the writer's own
  // reads (it holds the exclusive latch, so they pin without latching) cannot mark it.
  Result<WritePageGuard> writer = pool->FetchPageForWrite(3);
  ASSERT_TRUE(writer.ok());
  writer->MarkChanged();
  Result<PageGuard> during = pool->FetchPage(3);
  EXPECT_FALSE(during->checked());
  during->MarkChecked();
  during->Release();
  writer->Release();
  // ... and after it: the writer may have changed them, so the next reader checks again.
  Result<PageGuard> after = pool->FetchPage(3);
  EXPECT_FALSE(after->checked());
  after->MarkChecked();
  after->Release();
  EXPECT_TRUE(pool->FetchPage(3)->checked());

  // Evicted and read back from the file: untrusted again.
  ASSERT_TRUE(pool->FlushAll().ok());
  for (PageId id = 10; id < 60; ++id) ASSERT_TRUE(pool->NewPage(id).ok());
  EXPECT_FALSE(pool->FetchPage(3)->checked());
}

TEST_F(BufferPoolTest, ExclusiveLatchKeepsReadersOutAndRenewsTheVersion) {
  auto pool = MakePool(16);
  { ASSERT_TRUE(pool->NewPage(3).ok()); }
  uint64_t version_before = pool->FetchPage(3)->version();
  Result<WritePageGuard> writer = pool->FetchPageForWrite(3);
  ASSERT_TRUE(writer.ok());
  EXPECT_TRUE(writer->latched());
  std::atomic<bool> read{false};
  uint64_t version_seen = 0;
  std::thread reader([&] {
    Result<PageGuard> page = pool->FetchPage(3);  // waits for the writer
    version_seen = page->version();
    read.store(true);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(read.load());
  writer->Release();
  reader.join();
  EXPECT_TRUE(read.load());
  EXPECT_NE(version_seen, version_before);  // a cursor holding the old one re-seeks
  // Pins-only guards do not latch: a reader gets in while one is held.
  Result<WritePageGuard> pin = pool->PinPage(3);
  ASSERT_TRUE(pin.ok());
  EXPECT_FALSE(pin->latched());
  std::thread other([&] { EXPECT_TRUE(pool->FetchPage(3).ok()); });
  other.join();
}

TEST_F(BufferPoolTest, EvictionWritesDirtyPagesAndDataSurvives) {
  auto pool = MakePool(16);
  constexpr PageId kPages = 100;  // many more pages than frames
  for (PageId id = 0; id < kPages; ++id) {
    Result<WritePageGuard> page = pool->NewPage(id);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    FillPage(page->data(), id);
    page->MarkDirty();
  }
  EXPECT_LE(pool->DirtyCount(), 16u);
  for (PageId id = 0; id < kPages; ++id) {
    Result<PageGuard> page = pool->FetchPage(id);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->id(), id);
    EXPECT_EQ(std::string(PageContent(page->data())), "page " + std::to_string(id));
    EXPECT_EQ(GetPageType(page->data()), PageType::kBTreeLeaf);
  }
  // Everything flushed lands in the file with valid checksums.
  ASSERT_TRUE(pool->FlushAll().ok());
  EXPECT_EQ(pool->DirtyCount(), 0u);
  std::string contents = fs_.Contents("data");
  ASSERT_EQ(contents.size(), kPages * kPageSize);
  for (PageId id = 0; id < kPages; ++id) {
    EXPECT_TRUE(PageChecksumValid(contents.data() + id * kPageSize)) << id;
  }
}

TEST_F(BufferPoolTest, PinnedPagesAreNeverEvictedAndExhaustionIsAnError) {
  auto pool = MakePool(16);
  std::vector<WritePageGuard> pins;
  for (PageId id = 0; id < 16; ++id) {
    Result<WritePageGuard> page = pool->NewPage(id);
    ASSERT_TRUE(page.ok());
    FillPage(page->data(), id);
    pins.push_back(std::move(*page));
  }
  Result<PageGuard> extra = pool->FetchPage(99);
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.status().code(), 1041);
  EXPECT_NE(extra.status().message().find("pinned"), std::string::npos);
  // The pinned (never dirty) pages kept their bytes in memory.
  for (PageId id = 0; id < 16; ++id) {
    EXPECT_EQ(std::string(PageContent(pins[id].data())), "page " + std::to_string(id));
  }
  pins[3].Release();
  Result<PageGuard> now = pool->FetchPage(99);
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_EQ(GetPageType(now->data()), PageType::kFree);  // past end of file: zeros
}

TEST_F(BufferPoolTest, MovedGuardUnpinsOnce) {
  auto pool = MakePool(16);
  {
    Result<PageGuard> a = pool->FetchPage(1);
    ASSERT_TRUE(a.ok());
    PageGuard moved = std::move(*a);
    PageGuard assigned;
    assigned = std::move(moved);
    EXPECT_TRUE(assigned.valid());
    EXPECT_FALSE(moved.valid());  // NOLINT: testing moved-from state
  }
  // If pins leaked, 16 new pages could not all be pinned at once.
  std::vector<PageGuard> pins;
  for (PageId id = 100; id < 116; ++id) {
    Result<PageGuard> page = pool->FetchPage(id);
    ASSERT_TRUE(page.ok()) << id;
    pins.push_back(std::move(*page));
  }
}

TEST_F(BufferPoolTest, CorruptPageOnDiskIsAnError) {
  {
    auto pool = MakePool(16);
    Result<WritePageGuard> page = pool->NewPage(2);
    ASSERT_TRUE(page.ok());
    FillPage(page->data(), 2);
    page->MarkDirty();
    page->Release();
    ASSERT_TRUE(pool->FlushAll().ok());
  }
  fs_.Corrupt("data", 2 * kPageSize + 1000, "garbage");
  auto pool = MakePool(16);
  Result<PageGuard> page = pool->FetchPage(2);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().message(), "Page 2 of file 'data' is corrupt (checksum mismatch)");
  // The failed load did not leave a bogus cached page behind.
  EXPECT_FALSE(pool->FetchPage(2).ok());
}

TEST_F(BufferPoolTest, FailedEvictionWriteIsReportedAndRetried) {
  auto pool = MakePool(16);
  for (PageId id = 0; id < 16; ++id) {
    Result<WritePageGuard> page = pool->NewPage(id);
    ASSERT_TRUE(page.ok());
    FillPage(page->data(), id);
    page->MarkDirty();
  }
  fs_.FailNthWrite(1);
  Result<PageGuard> page = pool->FetchPage(50);  // must evict a dirty page: write fails
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), 1026);
  ASSERT_TRUE(pool->FetchPage(50).ok());  // retry succeeds
  ASSERT_TRUE(pool->FlushAll().ok());
  for (PageId id = 0; id < 16; ++id) {
    Result<PageGuard> again = pool->FetchPage(id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(std::string(PageContent(again->data())), "page " + std::to_string(id));
  }
}

TEST_F(BufferPoolTest, ConcurrentReadersSeeIntactPages) {
  auto pool = MakePool(16);
  constexpr PageId kPages = 64;
  for (PageId id = 0; id < kPages; ++id) {
    Result<WritePageGuard> page = pool->NewPage(id);
    ASSERT_TRUE(page.ok());
    FillPage(page->data(), id);
    page->MarkDirty();
  }
  std::vector<std::thread> readers;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        PageId id = static_cast<PageId>((round * 7 + t * 13) % kPages);
        Result<PageGuard> page = pool->FetchPage(id);
        // With 4 readers and 16 frames a pin can never be refused.
        if (!page.ok() || std::string(PageContent(page->data())) != "page " + std::to_string(id)) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& reader : readers) reader.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "reader " << t;
}

}  // namespace
}  // namespace minisql::storage
