// log_format.h — the byte layout of the write-ahead log, <datadir>/minisql.wal.
//
// The log is a sequence of records, appended and never rewritten, until a checkpoint
// (or recovery) truncates the whole file to zero bytes. Each record:
//
//   offset  size  field
//   ------  ----  --------------------------------------------------------------
//        0     4  length   payload length in bytes (u32, little-endian)
//        4     4  crc      CRC-32C of bytes 8..(17 + length - 1): lsn, type, payload
//        8     8  lsn      log sequence number: 1, 2, 3 ... (u64), strictly increasing
//       16     1  type     LogRecordType
//       17     n  payload  depends on type:
//
//   PAGE_IMAGE (1)  payload 8 + 4 + 8192 bytes
//        0     8  txn id   the transaction this image belongs to
//        8     4  page id
//       12  8192  the full page after the transaction (its LSN field = this lsn)
//
//   COMMIT (2)      payload 8 bytes
//        0     8  txn id   every PAGE_IMAGE of this txn before here is committed
//
// A transaction's records are written together at commit: its page images, then its
// COMMIT, then one fsync. The COMMIT record reaching the disk is the moment the
// transaction becomes durable. A crash mid-append leaves a torn tail (short record,
// bad crc, or garbage); readers stop cleanly at the first such record, and the
// images of a transaction without a COMMIT are ignored.
#pragma once

#include <cstddef>
#include <cstdint>

#include "storage/page/page.h"

namespace minisql::storage {

enum class LogRecordType : uint8_t {
  kPageImage = 1,
  kCommit = 2,
};

constexpr size_t kLogRecordHeaderSize = 17;
constexpr size_t kPageImagePayloadSize = 8 + 4 + kPageSize;
constexpr size_t kCommitPayloadSize = 8;
/// The largest payload a valid record can have (guards against garbage lengths).
constexpr size_t kMaxLogPayloadSize = kPageImagePayloadSize;

}  // namespace minisql::storage
