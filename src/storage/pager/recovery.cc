// recovery.cc — replaying committed page images (algorithm in recovery.h).
#include "storage/pager/recovery.h"

#include <unordered_set>

#include "storage/page/page.h"
#include "storage/wal/log_reader.h"

namespace minisql::storage {

Result<RecoveryStats> RecoverFromLog(File* wal, File* data) {
  RecoveryStats stats;

  // Pass 1: which transactions committed?
  std::unordered_set<uint64_t> committed;
  LogReader scan(wal);
  LogRecord record;
  while (true) {
    Result<bool> more = scan.Next(&record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (record.type == LogRecordType::kCommit) committed.insert(record.txn_id);
  }
  stats.committed_txns = committed.size();
  stats.last_lsn = scan.last_lsn();
  stats.torn_tail = scan.torn_tail();
  if (scan.valid_bytes() == 0 && !scan.torn_tail()) return stats;  // empty log

  // Pass 2: apply their images in log order. Images of uncommitted transactions
  // (a crash between their first image and their COMMIT) are skipped.
  LogReader replay(wal);
  while (true) {
    Result<bool> more = replay.Next(&record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (record.type != LogRecordType::kPageImage || committed.count(record.txn_id) == 0) continue;
    if (record.page_id == kInvalidPageId) {
      return Status::WithMessage(ErrorCode::kNotFormFile,
                                 "Incorrect information in file: '" + wal->path() +
                                     "' (page image for an invalid page id)");
    }
    StampPageChecksum(record.page.data());
    MINISQL_RETURN_IF_ERROR(
        data->Write(uint64_t{record.page_id} * kPageSize, record.page.data(), kPageSize));
    ++stats.pages_applied;
  }

  // Only once the data file durably holds every committed change may the log go.
  MINISQL_RETURN_IF_ERROR(data->Sync());
  MINISQL_RETURN_IF_ERROR(wal->Truncate(0));
  MINISQL_RETURN_IF_ERROR(wal->Sync());
  return stats;
}

}  // namespace minisql::storage
