// log_reader.cc — decoding and validating log records (format in log_format.h).
#include "storage/wal/log_reader.h"

#include <algorithm>

#include "storage/page/byte_order.h"
#include "storage/page/crc32c.h"

namespace minisql::storage {

Result<bool> LogReader::Next(LogRecord* record) {
  Result<uint64_t> file_size = file_->Size();
  if (!file_size.ok()) return file_size.status();
  uint64_t remaining = *file_size - std::min(*file_size, offset_);
  if (remaining == 0) return false;  // clean end
  torn_tail_ = true;                 // until the record below proves valid

  char header[kLogRecordHeaderSize];
  if (remaining < kLogRecordHeaderSize) return false;
  Result<size_t> n = file_->Read(offset_, kLogRecordHeaderSize, header);
  if (!n.ok()) return n.status();
  if (*n != kLogRecordHeaderSize) return false;

  uint32_t length = DecodeFixed32(header);
  uint32_t stored_crc = DecodeFixed32(header + 4);
  uint64_t lsn = DecodeFixed64(header + 8);
  auto type = static_cast<LogRecordType>(static_cast<uint8_t>(header[16]));
  size_t expected_length;
  switch (type) {
    case LogRecordType::kPageImage:
      expected_length = kPageImagePayloadSize;
      break;
    case LogRecordType::kCommit:
      expected_length = kCommitPayloadSize;
      break;
    default:
      return false;  // garbage type byte
  }
  if (length != expected_length || remaining - kLogRecordHeaderSize < length) return false;

  std::string payload(length, '\0');
  n = file_->Read(offset_ + kLogRecordHeaderSize, length, payload.data());
  if (!n.ok()) return n.status();
  if (*n != length) return false;
  uint32_t crc = Crc32c(header + 8, kLogRecordHeaderSize - 8);
  crc = Crc32cExtend(crc, payload.data(), payload.size());
  if (crc != stored_crc) return false;
  if (lsn <= last_lsn_) return false;  // stale bytes from an older log generation

  record->type = type;
  record->lsn = lsn;
  record->txn_id = DecodeFixed64(payload.data());
  if (type == LogRecordType::kPageImage) {
    record->page_id = DecodeFixed32(payload.data() + 8);
    record->page.assign(payload, 12, kPageSize);
  } else {
    record->page_id = kInvalidPageId;
    record->page.clear();
  }
  offset_ += kLogRecordHeaderSize + length;
  last_lsn_ = lsn;
  torn_tail_ = false;
  return true;
}

}  // namespace minisql::storage
