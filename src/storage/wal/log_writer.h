// log_writer.h — appends records to the write-ahead log (format: log_format.h).
//
// Appends are buffered in memory; Sync() writes the buffer with one pwrite and then
// fsyncs, so a commit costs one write and one fsync however many pages it logs.
// Nothing appended is durable (or even in the file) until Sync() returns OK.
//
// After any failed Sync the writer is poisoned: the file may hold part of the buffer,
// so later appends would land at an uncertain offset. Every later call fails with
// the original error; the pager then refuses writes until restart, and recovery
// sorts the file out.
//
// Not thread-safe: the pager's single writer drives it.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"
#include "storage/wal/log_format.h"

namespace minisql::storage {

class LogWriter {
 public:
  /// Appends to `file` (not owned), which currently holds `file_size` bytes of valid
  /// records; the next record gets `next_lsn`.
  LogWriter(File* file, uint64_t file_size, uint64_t next_lsn)
      : file_(file), file_size_(file_size), next_lsn_(next_lsn) {}

  /// The LSN the next appended record will get.
  uint64_t next_lsn() const { return next_lsn_; }
  /// Bytes in the file plus bytes buffered.
  uint64_t size_bytes() const { return file_size_ + buffer_.size(); }

  /// Buffers a PAGE_IMAGE record; returns its LSN.
  uint64_t AppendPageImage(uint64_t txn_id, PageId page_id, const char* page);
  /// Buffers a COMMIT record; returns its LSN.
  uint64_t AppendCommit(uint64_t txn_id);
  /// Writes the buffered records and fsyncs the log: the durability point.
  Status Sync();
  /// Empties the log file (truncate to 0 + fsync) and drops anything buffered. LSNs
  /// keep increasing.
  Status Reset();

 private:
  uint64_t Append(LogRecordType type, const std::string& payload);

  File* file_;
  uint64_t file_size_;
  uint64_t next_lsn_;
  std::string buffer_;
  Status failure_;  // the first Sync/Reset failure; sticky
};

}  // namespace minisql::storage
