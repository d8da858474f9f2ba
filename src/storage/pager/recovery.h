// recovery.h — crash recovery: bring the data file up to date from the log.
//
// Runs at Pager::Open, before anything reads the data file:
//
//   pass 1: read the log to its valid end; remember which txn ids have a COMMIT
//   pass 2: read it again; write each PAGE_IMAGE of a committed txn to its page
//           (checksum re-stamped), in log order, extending the file as needed
//   then:   fsync the data file; truncate the log to zero bytes; fsync the log
//
// Why this is correct: a committed transaction's images are all in the log before
// its COMMIT, and the log is only truncated after the data file holding their effect
// has been fsynced. Applying whole images in log order leaves each page as of its
// last committed image, however many times it is repeated — so a crash during
// recovery is harmless: the next Open recovers again.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/file/file_system.h"

namespace minisql::storage {

struct RecoveryStats {
  uint64_t committed_txns = 0;
  uint64_t pages_applied = 0;
  uint64_t last_lsn = 0;  // of the last valid log record; 0 for an empty log
  bool torn_tail = false;
};

/// Replays `wal` into `data` (see above).
Result<RecoveryStats> RecoverFromLog(File* wal, File* data);

}  // namespace minisql::storage
