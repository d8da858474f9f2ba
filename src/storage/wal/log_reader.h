// log_reader.h — reads write-ahead log records back, in order (format: log_format.h).
//
// Used by recovery. The reader never trusts the file: a record that is short, has an
// impossible length or type, a CRC mismatch, or a non-increasing LSN marks the end
// of the usable log (a torn tail from a crash), and Next() returns false there.
// valid_bytes() then tells how much of the file held good records, and torn_tail()
// whether anything followed them.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"
#include "storage/wal/log_format.h"

namespace minisql::storage {

/// One decoded record.
struct LogRecord {
  LogRecordType type = LogRecordType::kCommit;
  uint64_t lsn = 0;
  uint64_t txn_id = 0;
  PageId page_id = kInvalidPageId;  // kPageImage only
  std::string page;                 // kPageImage only: kPageSize bytes
};

class LogReader {
 public:
  /// Reads `file` (not owned) from the start.
  explicit LogReader(File* file) : file_(file) {}

  /// Decodes the next record into `record`. Returns false at the end of the valid log
  /// (clean end or torn tail); an error only when the file cannot be read at all.
  Result<bool> Next(LogRecord* record);

  /// Bytes of valid records consumed so far.
  uint64_t valid_bytes() const { return offset_; }
  /// After Next() returned false: true if bytes followed the last valid record.
  bool torn_tail() const { return torn_tail_; }
  /// The LSN of the last valid record (0 if none).
  uint64_t last_lsn() const { return last_lsn_; }

 private:
  File* file_;
  uint64_t offset_ = 0;
  uint64_t last_lsn_ = 0;
  bool torn_tail_ = false;
};

}  // namespace minisql::storage
