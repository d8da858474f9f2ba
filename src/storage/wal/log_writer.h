// log_writer.h — appends records to the write-ahead log and makes them durable with
// group commit (format: log_format.h).
//
// Appending and syncing are separate steps, so that many committers can share one
// fsync:
//
//   Append*()        the record is encoded into the in-memory log buffer and gets the
//                    next LSN. Cheap; the pager calls it under the writer exclusion
//                    (the engine's writer mutex), so records of one transaction are contiguous
//                    and LSN order is commit order.
//   WaitDurable(lsn) blocks until every record up to `lsn` is written and fsynced.
//                    Called WITHOUT the writer mutex, so the next writer can append
//                    while this one waits for the disk.
//
// Group commit. Whoever calls WaitDurable while no flush is running becomes the
// LEADER: it takes the whole buffer (its own records and everybody else's appended so
// far), and with the mutex released does one pwrite and one fsync. Everyone else is a
// FOLLOWER: it sleeps on a condition variable until a leader's flush covers its LSN.
// While the leader is on the disk, new records pile up in a fresh buffer; the next
// leader flushes them all at once. So N concurrent committers need far fewer than N
// fsyncs.
//
//   WaitDurable(lsn):
//                        lsn <= durable_lsn
//        ┌─────────────┐ ───────────────────────────────────────────────► return OK
//        │ check state │ failed (an earlier flush failed) ──────────────► return error
//        └─────────────┘
//          │ not durable yet
//          ├─ a flush is running ──► FOLLOWER: wait on durable_cv ──► check state again
//          │
//          └─ no flush running ──► LEADER: flushing = true; take the buffer
//                                   unlock; pwrite + fsync; lock
//                                   ok:    durable_lsn = last LSN of the batch
//                                   error: failed (sticky)
//                                   flushing = false; wake all ──► check state again
//
// A follower whose records arrived after the leader took the buffer simply finds
// flushing = false when it wakes and becomes the next leader.
//
// Failure: after a failed write or fsync the file may hold part of a batch, so later
// appends would land at an uncertain offset. The writer is poisoned: every waiting
// and every later WaitDurable/Sync/Reset returns the original error (and nothing is
// ever reported durable again). The pager then refuses writes until restart, and
// recovery sorts the file out from what is actually on disk.
//
// Thread-safe: one mutex guards the buffer and the state; file I/O happens outside it
// (only the leader touches the file during a flush). Appends must come from one
// writer at a time (the pager's rule), so that a transaction's records stay together.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "common/status.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"
#include "storage/wal/log_format.h"

namespace minisql::storage {

/// A log sequence number: 1, 2, 3 ... ; 0 means "nothing".
using Lsn = uint64_t;

class LogWriter {
 public:
  /// Appends to `file` (not owned), which currently holds `file_size` bytes of valid
  /// records, all durable; the next record gets `next_lsn`.
  LogWriter(File* file, uint64_t file_size, Lsn next_lsn)
      : file_(file), file_size_(file_size), next_lsn_(next_lsn), durable_lsn_(next_lsn - 1) {}

  /// The LSN the next appended record will get.
  Lsn next_lsn() const;
  /// Every record up to here is on stable storage.
  Lsn durable_lsn() const;
  /// Bytes in the file plus bytes buffered or being flushed.
  uint64_t size_bytes() const;
  /// fsyncs done by Sync/WaitDurable so far (diagnostics and the group commit test).
  uint64_t flush_count() const;

  /// Buffers a PAGE_IMAGE record; returns its LSN.
  Lsn AppendPageImage(uint64_t txn_id, PageId page_id, const char* page);
  /// Buffers a COMMIT record; returns its LSN.
  Lsn AppendCommit(uint64_t txn_id);
  /// Blocks until every record with an LSN <= `lsn` is fsynced (see the state machine
  /// above). OK means durable; an error means it may or may not be.
  Status WaitDurable(Lsn lsn);
  /// WaitDurable for everything appended so far.
  Status Sync();
  /// Empties the log file (truncate to 0 + fsync) and drops anything buffered. LSNs
  /// keep increasing. Caller guarantees no appends run concurrently; waits for a
  /// running flush to end first.
  Status Reset();

 private:
  Lsn Append(LogRecordType type, const std::string& payload);

  File* file_;
  mutable std::mutex mu_;
  std::condition_variable durable_cv_;  // signalled when a flush ends
  // All below guarded by mu_.
  uint64_t file_size_;           // bytes written to the file by finished flushes
  uint64_t flushing_bytes_ = 0;  // bytes of the batch a leader is writing now
  Lsn next_lsn_;
  Lsn durable_lsn_;
  bool flushing_ = false;  // a leader is doing I/O
  uint64_t flush_count_ = 0;
  std::string buffer_;  // appended, not yet taken by a leader
  Status failure_;      // the first write/fsync/truncate failure; sticky
};

}  // namespace minisql::storage
