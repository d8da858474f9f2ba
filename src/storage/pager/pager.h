// pager.h — the storage engine's lower half: pages, transactions, durability.
//
// The Pager owns the data directory's two files and hands out pages to the layers
// above (B+ trees, catalog):
//
//   <datadir>/minisql.db   the data file: 8 KiB pages (page.h); page 0 is the
//                          pager's file header (file_header.h), the rest belong
//                          to users. The first AllocatePage() on a fresh file
//                          returns page 1 (used as the catalog root).
//   <datadir>/minisql.wal  the write-ahead log (wal/log_format.h)
//
// Transactions: no-steal, force-log-at-commit, full page images.
//
//   BeginTxn ──► FetchPageForWrite / AllocatePage / FreePage ... ──► CommitTxn
//                  │ first touch of a page: copy its pre-image,           │ or AbortTxn
//                  │ keep it pinned until the txn ends                    │
//                  ▼                                                      ▼
//   Commit: append one PAGE_IMAGE per touched page + COMMIT to the log, fsync the
//           log (THE durability point), mark the frames dirty, unpin. The data file
//           is written later (eviction or checkpoint).
//   Abort:  copy the pre-images back into the frames, unpin. Nothing to undo on disk,
//           since uncommitted pages stay pinned and so never reach the data file.
//
// Recovery (in Open): replay the log's committed page images, in log order, into the
// data file; fsync it; truncate the log. Images of transactions without a COMMIT
// record are ignored. Replaying whole images is idempotent, so a crash during
// recovery just means it runs again. This also repairs data pages torn by a crash
// in the middle of an eviction write: their last committed image is in the log.
//
// Checkpoint: write all dirty frames to the data file, fsync it, truncate the log.
// Runs automatically after a commit once the log exceeds checkpoint_wal_bytes, and
// on Close().
//
// Failure: if appending to or fsyncing the log fails (or fsyncing the data file at a
// checkpoint), the pager cannot know what reached the disk. It enters a failed
// state: the failing commit returns the error and is rolled back in memory, and every
// later write transaction fails with ER_ERROR_ON_WRITE (1026) naming the original
// error, until the server restarts and recovery re-establishes the truth from disk.
// Reads keep working.
//
// Concurrency (callers must guarantee; the storage engine's lock does):
//   * at most one write transaction at a time (one PagerTxn that has touched pages);
//   * FetchPage() may be called from many threads at once while no write transaction
//     is active; during a write transaction only the writer's thread uses the pager
//     (it may FetchPage() pages it is changing and sees its own uncommitted bytes);
//   * Checkpoint()/Close() only while no write transaction is active.
//
// Limits of this first cut: a write transaction keeps every page it touches pinned,
// so it can touch at most about as many pages as the buffer pool has frames; beyond
// that it fails with ER_OUT_OF_RESOURCES (1041) and must be aborted.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/buffer/page_guard.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"

namespace minisql::storage {

class LogWriter;

struct PagerOptions {
  std::string datadir;
  uint64_t buffer_pool_bytes = 128ull << 20;
  /// Null: the real POSIX file system.
  FileSystem* fs = nullptr;
  /// Checkpoint after a commit once the log is larger than this.
  uint64_t checkpoint_wal_bytes = 64ull << 20;
};

class Pager;

/// A write transaction's page bookkeeping. Opaque to callers: create with
/// Pager::BeginTxn, finish with CommitTxn or AbortTxn. Destroying an unfinished
/// PagerTxn aborts it. Must not outlive its Pager.
class PagerTxn {
 public:
  ~PagerTxn();
  PagerTxn(const PagerTxn&) = delete;
  PagerTxn& operator=(const PagerTxn&) = delete;

  uint64_t id() const { return id_; }
  /// Pages touched so far (tests, diagnostics).
  size_t page_count() const { return pages_.size(); }

 private:
  friend class Pager;
  PagerTxn(Pager* pager, uint64_t id) : pager_(pager), id_(id) {}

  struct TouchedPage {
    PageId id;
    WritePageGuard pin;                 // held until commit/abort: no eviction (no-steal)
    std::unique_ptr<char[]> pre_image;  // kPageSize bytes, for abort
  };

  Pager* pager_;
  uint64_t id_;
  bool active_ = false;                            // became the pager's write transaction
  bool finished_ = false;                          // committed or aborted
  std::vector<TouchedPage> pages_;                 // in first-touch order
  std::unordered_map<PageId, size_t> page_index_;  // page id -> index in pages_
  uint32_t page_count_before_ = 0;                 // file's page count when it became active
};

class Pager {
 public:
  /// Opens the data directory (creating it and its files when empty) and runs crash
  /// recovery.
  static Result<std::unique_ptr<Pager>> Open(const PagerOptions& options);
  /// Closes (see Close) if not yet closed; errors are logged.
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

  /// True when Open initialised a fresh data file.
  bool created_new() const { return created_new_; }
  /// True when the previous run ended with Close() (false after a crash).
  bool was_clean_shutdown() const { return was_clean_shutdown_; }
  /// Pages in the data file, including page 0 and free pages.
  uint32_t page_count() const { return page_count_; }
  const std::string& data_path() const { return data_path_; }
  const std::string& wal_path() const { return wal_path_; }
  /// Frames in the buffer pool: about the most pages one write transaction can touch.
  size_t buffer_pool_frames() const { return pool_ ? pool_->frame_count() : 0; }

  /// Pins page `id` for reading. Page 0 and ids beyond the file are errors.
  Result<PageGuard> FetchPage(PageId id);

  /// A new write transaction (it becomes "the" active one when it first touches a page).
  std::unique_ptr<PagerTxn> BeginTxn();
  /// Pins page `id` for writing within `txn`, recording its pre-image on first touch.
  Result<WritePageGuard> FetchPageForWrite(PagerTxn* txn, PageId id);
  /// A new page for `txn`: reuses the head of the free list or extends the file.
  /// Content zero-filled, type kFree, until the user sets it.
  Result<WritePageGuard> AllocatePage(PagerTxn* txn);
  /// Returns page `id` to the free list (its content is discarded). The caller must
  /// not hold a guard on it afterwards.
  Status FreePage(PagerTxn* txn, PageId id);
  /// Makes the transaction durable. On error the transaction is rolled back and the
  /// pager may be in the failed state (see above). The txn is finished either way.
  Status CommitTxn(PagerTxn* txn);
  /// Undoes every change of the transaction (pages, allocations, frees).
  void AbortTxn(PagerTxn* txn);

  /// Writes all committed pages to the data file, fsyncs it, truncates the log.
  Status Checkpoint();
  /// Checkpoints (marking a clean shutdown) and closes the files. Idempotent.
  Status Close();

  /// Size of the write-ahead log in bytes (tests).
  uint64_t wal_size_bytes() const;
  /// OK, or the error that put the pager into the failed state.
  const Status& failure() const { return failure_; }

 private:
  Pager() = default;

  Status Initialize(const PagerOptions& options);
  // Validates `txn` and makes it the active write transaction (or fails).
  Status CheckWritable(PagerTxn* txn);
  // OK when `id` is a user page of the file (not page 0, not past the end).
  Status CheckUserPageId(PageId id) const;
  // Pins `id` within `txn`, recording the pre-image on first touch; `fresh` pages (just
  // added at the end of the file) are zero-filled instead of read.
  Result<WritePageGuard> TouchPage(PagerTxn* txn, PageId id, bool fresh);
  Status CommitInternal(PagerTxn* txn, bool allow_checkpoint);
  // Restores the pre-images and ends the transaction.
  void RollBack(PagerTxn* txn);
  Status CheckpointInternal(bool clean_shutdown);
  // A logged mini-transaction on page 0 recording the shutdown flag and next LSN.
  Status LogHeaderUpdate(bool clean_shutdown);
  void EnterFailedState(const Status& cause);

  FileSystem* fs_ = nullptr;
  std::string datadir_;
  std::string data_path_;
  std::string wal_path_;
  uint64_t checkpoint_wal_bytes_ = 0;
  std::unique_ptr<File> data_file_;
  std::unique_ptr<File> wal_file_;
  std::unique_ptr<BufferPool> pool_;
  std::unique_ptr<LogWriter> log_;

  bool created_new_ = false;
  bool was_clean_shutdown_ = false;
  bool closed_ = false;
  uint32_t page_count_ = 0;  // mirrors page 0 (including the active txn's changes)
  uint64_t next_txn_id_ = 1;
  PagerTxn* active_txn_ = nullptr;  // the write transaction, if one is active
  Status failure_;                  // non-OK: the failed state
};

}  // namespace minisql::storage
