// wal_log_test.cc — log records round-trip, and the reader stops cleanly at every
// kind of damaged tail.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "storage/file/fault_injection_file_system.h"
#include "storage/wal/log_reader.h"
#include "storage/wal/log_writer.h"

namespace minisql::storage {
namespace {

class WalTest : public ::testing::Test {
 protected:
  void SetUp() override { file_ = std::move(*fs_.OpenFile("wal", true)); }

  // Writes: image(txn 7, page 3), image(txn 7, page 9), commit(7), image(txn 8, page 3).
  void WriteSample() {
    LogWriter writer(file_.get(), 0, 1);
    char page[kPageSize];
    std::memset(page, 'a', kPageSize);
    EXPECT_EQ(writer.AppendPageImage(7, 3, page), 1u);
    std::memset(page, 'b', kPageSize);
    EXPECT_EQ(writer.AppendPageImage(7, 9, page), 2u);
    EXPECT_EQ(writer.AppendCommit(7), 3u);
    EXPECT_EQ(fs_.Contents("wal").size(), 0u);  // buffered until Sync
    ASSERT_TRUE(writer.Sync().ok());
    writer.AppendPageImage(8, 3, page);
    ASSERT_TRUE(writer.Sync().ok());
    EXPECT_EQ(writer.next_lsn(), 5u);
    EXPECT_EQ(writer.size_bytes(), fs_.Contents("wal").size());
  }

  // Reads every valid record; returns how many.
  int CountRecords(LogReader* reader) {
    LogRecord record;
    int count = 0;
    while (true) {
      Result<bool> more = reader->Next(&record);
      EXPECT_TRUE(more.ok());
      if (!more.ok() || !*more) return count;
      ++count;
    }
  }

  FaultInjectionFileSystem fs_;
  std::unique_ptr<File> file_;
};

constexpr size_t kImageRecordSize = kLogRecordHeaderSize + kPageImagePayloadSize;
constexpr size_t kCommitRecordSize = kLogRecordHeaderSize + kCommitPayloadSize;

TEST_F(WalTest, RoundTrip) {
  WriteSample();
  LogReader reader(file_.get());
  LogRecord r;
  ASSERT_TRUE(*reader.Next(&r));
  EXPECT_EQ(r.type, LogRecordType::kPageImage);
  EXPECT_EQ(r.lsn, 1u);
  EXPECT_EQ(r.txn_id, 7u);
  EXPECT_EQ(r.page_id, 3u);
  EXPECT_EQ(r.page, std::string(kPageSize, 'a'));
  ASSERT_TRUE(*reader.Next(&r));
  EXPECT_EQ(r.page_id, 9u);
  EXPECT_EQ(r.page, std::string(kPageSize, 'b'));
  ASSERT_TRUE(*reader.Next(&r));
  EXPECT_EQ(r.type, LogRecordType::kCommit);
  EXPECT_EQ(r.txn_id, 7u);
  EXPECT_EQ(r.lsn, 3u);
  ASSERT_TRUE(*reader.Next(&r));
  EXPECT_EQ(r.txn_id, 8u);
  EXPECT_FALSE(*reader.Next(&r));
  EXPECT_FALSE(reader.torn_tail());
  EXPECT_EQ(reader.last_lsn(), 4u);
  EXPECT_EQ(reader.valid_bytes(), 3 * kImageRecordSize + kCommitRecordSize);
}

TEST_F(WalTest, TornTailShortRecord) {
  WriteSample();
  // Cut the last record in half (a crash in the middle of the append).
  uint64_t full = fs_.Contents("wal").size();
  ASSERT_TRUE(file_->Truncate(full - kImageRecordSize / 2).ok());
  LogReader reader(file_.get());
  EXPECT_EQ(CountRecords(&reader), 3);
  EXPECT_TRUE(reader.torn_tail());
  EXPECT_EQ(reader.valid_bytes(), 2 * kImageRecordSize + kCommitRecordSize);
}

TEST_F(WalTest, TornTailShortHeader) {
  WriteSample();
  ASSERT_TRUE(file_->Truncate(2 * kImageRecordSize + kCommitRecordSize + 5).ok());
  LogReader reader(file_.get());
  EXPECT_EQ(CountRecords(&reader), 3);
  EXPECT_TRUE(reader.torn_tail());
}

TEST_F(WalTest, CorruptPayloadStopsReading) {
  WriteSample();
  fs_.Corrupt("wal", kImageRecordSize + 500, "X");  // inside the second record
  LogReader reader(file_.get());
  EXPECT_EQ(CountRecords(&reader), 1);
  EXPECT_TRUE(reader.torn_tail());
}

TEST_F(WalTest, GarbageLengthOrTypeStopsReading) {
  WriteSample();
  fs_.Corrupt("wal", 0, std::string("\xFF\xFF\xFF\x7F", 4));  // absurd length
  LogReader reader(file_.get());
  EXPECT_EQ(CountRecords(&reader), 0);
  EXPECT_TRUE(reader.torn_tail());

  fs_.Corrupt("wal", 0, std::string(kLogRecordHeaderSize, '\0'));
  LogReader zeros(file_.get());  // a zero-filled tail (preallocated, never written)
  EXPECT_EQ(CountRecords(&zeros), 0);
}

TEST_F(WalTest, ResetEmptiesTheLogAndLsnsContinue) {
  LogWriter writer(file_.get(), 0, 10);
  writer.AppendCommit(1);
  ASSERT_TRUE(writer.Sync().ok());
  ASSERT_TRUE(writer.Reset().ok());
  EXPECT_EQ(fs_.Contents("wal").size(), 0u);
  EXPECT_EQ(writer.AppendCommit(2), 11u);
  ASSERT_TRUE(writer.Sync().ok());
  LogReader reader(file_.get());
  LogRecord r;
  ASSERT_TRUE(*reader.Next(&r));
  EXPECT_EQ(r.lsn, 11u);
}

TEST_F(WalTest, FailedSyncPoisonsTheWriter) {
  LogWriter writer(file_.get(), 0, 1);
  writer.AppendCommit(1);
  fs_.FailNthSync(1);
  Status s = writer.Sync();
  EXPECT_EQ(s.code(), 1026);
  writer.AppendCommit(2);
  EXPECT_EQ(writer.Sync().code(), 1026);  // sticky, although the disk works again
  EXPECT_EQ(writer.Reset().code(), 1026);
}

}  // namespace
}  // namespace minisql::storage
