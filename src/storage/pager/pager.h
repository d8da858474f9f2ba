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
//   BeginTxn ──► FetchPageForWrite / AllocatePage / FreePage ... ──► commit
//                  │ first touch of a page: copy its pre-image,           │ or AbortTxn
//                  │ keep it pinned until the txn ends                    │
//                  ▼                                                      ▼
//   Commit: append one PAGE_IMAGE per touched page + COMMIT to the log buffer, fsync
//           the log (THE durability point), mark the frames dirty, unpin. The data
//           file is written later (eviction or checkpoint).
//   Abort:  copy the pre-images back into the frames, unpin. Nothing to undo on disk,
//           since uncommitted pages stay pinned and so never reach the data file.
//
// Commit in two phases (group commit, see wal/log_writer.h):
//
//   writer exclusion held (writer mutex)        exclusion released
//   ─────────────────────────────────────       ──────────────────────────────────────
//   lsn = AppendCommit(txn)                     WaitDurable(lsn)
//     page images + COMMIT into the log buffer    leader fsyncs for every committer
//     pins move to the "pending" list             whose records are buffered; then the
//     (still pinned: nothing reaches the          pending commits up to the durable LSN
//     data file before its log record)            are marked dirty and unpinned
//
// Between the phases the next writer may already run, see the pending pages and build
// on them: LSN order is commit order, so its commit can only become durable after
// ours. A pending page stays pinned until its log record is durable, which is what
// keeps the write-ahead rule (no data page on disk before its log record) without the
// buffer pool knowing about LSNs. CommitTxn() does both phases in one call (the caller
// keeps the exclusion throughout), for callers that do not care.
//
// If the flush fails, every waiting committer gets the error and the pager enters the
// failed state. The caller then takes the writer exclusion again and calls
// RollBackUndurableCommits(): the pending commits are undone newest first from their
// pre-images, so readers see the last durable state again.
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
// Concurrency. Callers guarantee (the storage engine's writer mutex does):
//   * at most one write transaction at a time (one PagerTxn that has touched pages),
//     up to its AppendCommit; WaitDurable may be called from any thread at any time;
//   * Checkpoint()/Close() only while no write transaction is active.
// FetchPage() may be called from any number of threads at any time, also while the
// write transaction changes pages: page LATCHES (buffer_pool.h) keep readers and the
// writer apart. The writer changes a page only under its exclusive latch, which the
// PagerTxn holds in its latch set:
//
//   LatchForWrite(txn, id)       exclusive latch into the set, nothing recorded yet
//   FetchPageForWrite(txn, id)   latch (if not held) + pre-image on first touch; the
//   AllocatePage / FreePage      returned guard only pins: the set holds the latch
//   Unlatch(txn, id)             early release (latch crabbing, btree.h)
//   UnlatchAll(txn)              end of one tree operation; also done by commit/abort
//
// The transaction's own pins (TouchedPage) do not latch: a touched page stays pinned
// until its commit is durable, but readers may read it as soon as the writer unlatches
// it (they see the applied, not yet durable change; the engine's MVCC decides what a
// snapshot may use, docs/storage.md). Commit latches each page for a moment to stamp
// its LSN and log its image. Rolling back (abort, failed flush) latches every page to
// restore at once (try-lock all, else back off and retry, so it cannot deadlock with a
// reader), so readers see all or none of the undo.
//
// Limits of this first cut: a write transaction keeps every page it touches pinned,
// so it can touch at most about as many pages as the buffer pool has frames; beyond
// that it fails with ER_OUT_OF_RESOURCES (1041) and must be aborted.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/buffer/buffer_pool.h"
#include "storage/buffer/page_guard.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"
#include "storage/wal/log_writer.h"

namespace minisql::storage {

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
  bool active_ = false;                                 // became the pager's write transaction
  bool finished_ = false;                               // committed or aborted
  std::vector<TouchedPage> pages_;                      // in first-touch order
  std::unordered_map<PageId, size_t> page_index_;       // page id -> index in pages_
  std::unordered_map<PageId, WritePageGuard> latches_;  // exclusive latches held
  uint32_t page_count_before_ = 0;                      // file's page count when it became active
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
  uint32_t page_count() const { return page_count_.load(); }
  const std::string& data_path() const { return data_path_; }
  const std::string& wal_path() const { return wal_path_; }
  /// Frames in the buffer pool: about the most pages one write transaction can touch.
  size_t buffer_pool_frames() const { return pool_ ? pool_->frame_count() : 0; }

  /// Pins and latches (shared) page `id` for reading. Page 0 and ids beyond the file
  /// are errors. Any thread, any time.
  Result<PageGuard> FetchPage(PageId id);

  /// A new write transaction (it becomes "the" active one when it first touches a page).
  std::unique_ptr<PagerTxn> BeginTxn();
  /// Pins page `id` for writing within `txn`, recording its pre-image on first touch.
  /// The txn takes (or already holds) the page's exclusive latch; the returned guard
  /// only pins.
  Result<WritePageGuard> FetchPageForWrite(PagerTxn* txn, PageId id);
  /// Takes page `id`'s exclusive latch into `txn`'s latch set without touching it (a
  /// B+ tree descent latching a node it may change). No-op if already held.
  Status LatchForWrite(PagerTxn* txn, PageId id);
  /// Releases one exclusive latch of the set (no-op if not held).
  void Unlatch(PagerTxn* txn, PageId id);
  /// Releases every exclusive latch of the set.
  void UnlatchAll(PagerTxn* txn);
  /// True if `txn` holds page `id`'s exclusive latch.
  bool HoldsLatch(const PagerTxn* txn, PageId id) const;
  /// A new page for `txn`: reuses the head of the free list or extends the file.
  /// Content zero-filled, type kFree, until the user sets it.
  Result<WritePageGuard> AllocatePage(PagerTxn* txn);
  /// Returns page `id` to the free list (its content is discarded). The caller must
  /// not hold a guard on it afterwards.
  Status FreePage(PagerTxn* txn, PageId id);
  /// Makes the transaction durable: AppendCommit + WaitDurable (+ the automatic
  /// checkpoint), all under the caller's writer exclusion. On error the transaction is
  /// rolled back and the pager may be in the failed state (see above). The txn is
  /// finished either way.
  Status CommitTxn(PagerTxn* txn);

  /// Commit phase 1, under the writer exclusion: logs the transaction's page images
  /// and its COMMIT into the log buffer and returns the COMMIT's LSN. The txn is
  /// finished (its pages stay pinned by the pager until they are durable); the next
  /// write transaction may begin. Not durable yet: the caller must WaitDurable before
  /// reporting success. Returns 0 for a transaction that changed nothing. On error
  /// the transaction is rolled back. May run a checkpoint (synchronously, as the log
  /// has grown past checkpoint_wal_bytes); then the LSN is already durable.
  Result<Lsn> AppendCommit(PagerTxn* txn);
  /// Commit phase 2, no exclusion needed: blocks until the log is fsynced up to `lsn`
  /// (group commit: one fsync serves every waiting committer). OK means durable. On
  /// error the pager is in the failed state; the caller must then take the writer
  /// exclusion and call RollBackUndurableCommits().
  Status WaitDurable(Lsn lsn);
  /// After a failed WaitDurable, under the writer exclusion: undoes every commit whose
  /// records are not durable, newest first, so memory shows the last durable state.
  /// Idempotent.
  void RollBackUndurableCommits();
  /// Undoes every change of the transaction (pages, allocations, frees).
  void AbortTxn(PagerTxn* txn);

  /// Writes all committed pages to the data file, fsyncs it, truncates the log.
  Status Checkpoint();
  /// Checkpoints (marking a clean shutdown) and closes the files. Idempotent.
  Status Close();

  /// Size of the write-ahead log in bytes (tests).
  uint64_t wal_size_bytes() const;
  /// OK, or the error that put the pager into the failed state.
  Status failure() const;
  /// fsyncs of the log so far (group commit diagnostics and tests).
  uint64_t log_flush_count() const { return log_ ? log_->flush_count() : 0; }

 private:
  Pager() = default;

  Status Initialize(const PagerOptions& options);
  // Validates `txn` and makes it the active write transaction (or fails).
  Status CheckWritable(PagerTxn* txn);
  // OK when `id` is a user page of the file (not page 0, not past the end).
  Status CheckUserPageId(PageId id) const;
  // Pins `id` within `txn`, recording the pre-image on first touch; `fresh` pages (just
  // added at the end of the file) are zero-filled instead of read. Latches first.
  Result<WritePageGuard> TouchPage(PagerTxn* txn, PageId id, bool fresh);
  // The exclusive latch of `id` into the txn's set (NewPage when `fresh`).
  Status LatchInTxn(PagerTxn* txn, PageId id, bool fresh);
  // Copies each `pages[i].second` (kPageSize bytes) into the frame pinned by
  // `pages[i].first`, holding all their exclusive latches at once (see above).
  static void RestoreAtomically(std::vector<std::pair<WritePageGuard*, const char*>>* pages);
  Status CommitInternal(PagerTxn* txn, bool allow_checkpoint);
  Result<Lsn> AppendCommitInternal(PagerTxn* txn, bool allow_checkpoint);
  // Marks dirty and unpins the pending commits whose COMMIT is durable. commit_mu_ held.
  void ReleaseDurableLocked();
  // Restores the pre-images and ends the transaction.
  void RollBack(PagerTxn* txn);
  Status CheckpointInternal(bool clean_shutdown);
  // A logged mini-transaction on page 0 recording the shutdown flag and next LSN.
  Status LogHeaderUpdate(bool clean_shutdown);
  void EnterFailedState(const Status& cause);
  void EnterFailedStateLocked(const Status& cause);  // commit_mu_ held

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
  std::atomic<bool> closed_{false};
  std::atomic<uint32_t> page_count_{0};  // mirrors page 0 (incl. the active txn's changes)
  uint64_t next_txn_id_ = 1;
  PagerTxn* active_txn_ = nullptr;  // the write transaction, if one is active

  // A commit whose records are appended but maybe not yet durable.
  struct PendingCommit {
    Lsn commit_lsn;
    uint32_t page_count_before;
    std::vector<PagerTxn::TouchedPage> pages;  // pinned; pre-images for the rollback
  };
  // Guards pending_ and failure_, which committers waiting outside the writer
  // exclusion also touch.
  mutable std::mutex commit_mu_;
  std::deque<PendingCommit> pending_;  // in LSN order
  Status failure_;                     // non-OK: the failed state
  std::atomic<bool> failed_{false};    // failure_ is non-OK (readable without commit_mu_)
};

}  // namespace minisql::storage
