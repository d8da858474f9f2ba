// log_writer.cc — buffering log records and group-committing them (design in
// log_writer.h).
#include "storage/wal/log_writer.h"

#include "storage/page/byte_order.h"
#include "storage/page/crc32c.h"

namespace minisql::storage {

Lsn LogWriter::next_lsn() const {
  std::lock_guard<std::mutex> lock(mu_);
  return next_lsn_;
}

Lsn LogWriter::durable_lsn() const {
  std::lock_guard<std::mutex> lock(mu_);
  return durable_lsn_;
}

uint64_t LogWriter::size_bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return file_size_ + flushing_bytes_ + buffer_.size();
}

uint64_t LogWriter::flush_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return flush_count_;
}

Lsn LogWriter::AppendPageImage(uint64_t txn_id, PageId page_id, const char* page) {
  std::string payload(kPageImagePayloadSize, '\0');
  EncodeFixed64(payload.data(), txn_id);
  EncodeFixed32(payload.data() + 8, page_id);
  payload.replace(12, kPageSize, page, kPageSize);
  return Append(LogRecordType::kPageImage, payload);
}

Lsn LogWriter::AppendCommit(uint64_t txn_id) {
  std::string payload(kCommitPayloadSize, '\0');
  EncodeFixed64(payload.data(), txn_id);
  return Append(LogRecordType::kCommit, payload);
}

Lsn LogWriter::Append(LogRecordType type, const std::string& payload) {
  std::lock_guard<std::mutex> lock(mu_);
  Lsn lsn = next_lsn_++;
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

Status LogWriter::WaitDurable(Lsn lsn) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (lsn <= durable_lsn_) return Status::OK();  // even after a later failure
    if (!failure_.ok()) return failure_;
    if (flushing_) {  // follower: the running flush, or the next one, will cover us
      durable_cv_.wait(lock);
      continue;
    }
    // Leader: flush everything appended so far, for everyone.
    flushing_ = true;
    std::string batch;
    batch.swap(buffer_);
    Lsn batch_last_lsn = next_lsn_ - 1;
    uint64_t offset = file_size_;
    flushing_bytes_ = batch.size();
    lock.unlock();
    Status s = batch.empty() ? Status::OK() : file_->Write(offset, batch.data(), batch.size());
    if (s.ok()) s = file_->Sync();
    lock.lock();
    ++flush_count_;
    flushing_ = false;
    flushing_bytes_ = 0;
    if (s.ok()) {
      file_size_ += batch.size();
      durable_lsn_ = batch_last_lsn;
    } else {
      failure_ = s;
    }
    durable_cv_.notify_all();
  }
}

Status LogWriter::Sync() {
  Lsn last;
  {
    std::lock_guard<std::mutex> lock(mu_);
    last = next_lsn_ - 1;
  }
  return WaitDurable(last);
}

Status LogWriter::Reset() {
  std::unique_lock<std::mutex> lock(mu_);
  durable_cv_.wait(lock, [this] { return !flushing_; });
  if (!failure_.ok()) return failure_;
  buffer_.clear();
  Status s = file_->Truncate(0);
  if (s.ok()) s = file_->Sync();
  if (!s.ok()) {
    failure_ = s;
    return s;
  }
  file_size_ = 0;
  durable_lsn_ = next_lsn_ - 1;
  return Status::OK();
}

}  // namespace minisql::storage
