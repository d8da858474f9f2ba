// log_writer.cc — buffering and syncing log records (format in log_format.h).
#include "storage/wal/log_writer.h"

#include "storage/page/byte_order.h"
#include "storage/page/crc32c.h"

namespace minisql::storage {

uint64_t LogWriter::AppendPageImage(uint64_t txn_id, PageId page_id, const char* page) {
  std::string payload(kPageImagePayloadSize, '\0');
  EncodeFixed64(payload.data(), txn_id);
  EncodeFixed32(payload.data() + 8, page_id);
  payload.replace(12, kPageSize, page, kPageSize);
  return Append(LogRecordType::kPageImage, payload);
}

uint64_t LogWriter::AppendCommit(uint64_t txn_id) {
  std::string payload(kCommitPayloadSize, '\0');
  EncodeFixed64(payload.data(), txn_id);
  return Append(LogRecordType::kCommit, payload);
}

uint64_t LogWriter::Append(LogRecordType type, const std::string& payload) {
  uint64_t lsn = next_lsn_++;
  char header[kLogRecordHeaderSize];
  EncodeFixed32(header, static_cast<uint32_t>(payload.size()));
  EncodeFixed64(header + 8, lsn);
  header[16] = static_cast<char>(type);
  // The CRC covers lsn, type and payload: everything after the crc field.
  uint32_t crc = Crc32c(header + 8, kLogRecordHeaderSize - 8);
  crc = Crc32cExtend(crc, payload.data(), payload.size());
  EncodeFixed32(header + 4, crc);
  buffer_.append(header, kLogRecordHeaderSize);
  buffer_.append(payload);
  return lsn;
}

Status LogWriter::Sync() {
  if (!failure_.ok()) return failure_;
  if (!buffer_.empty()) {
    Status s = file_->Write(file_size_, buffer_.data(), buffer_.size());
    if (!s.ok()) {
      failure_ = s;
      return s;
    }
    file_size_ += buffer_.size();
    buffer_.clear();
  }
  Status s = file_->Sync();
  if (!s.ok()) failure_ = s;
  return s;
}

Status LogWriter::Reset() {
  if (!failure_.ok()) return failure_;
  buffer_.clear();
  Status s = file_->Truncate(0);
  if (s.ok()) s = file_->Sync();
  if (!s.ok()) {
    failure_ = s;
    return s;
  }
  file_size_ = 0;
  return Status::OK();
}

}  // namespace minisql::storage
