// pager.cc — transactions over buffer pool pages, logged at commit (design in pager.h).
#include "storage/pager/pager.h"

#include <algorithm>
#include <cstring>
#include <thread>

#include "common/log.h"
#include "storage/pager/file_header.h"
#include "storage/pager/recovery.h"

namespace minisql::storage {

PagerTxn::~PagerTxn() {
  if (active_ && !finished_) pager_->AbortTxn(this);
}

// --- Opening and closing ------------------------------------------------------------------

namespace {
// Reads and checks page 0 of `data_file` into `page` (kPageSize bytes).
Result<FileHeader> ReadFileHeader(File* data_file, char* page) {
  Result<size_t> n = data_file->Read(0, kPageSize, page);
  if (!n.ok()) return n.status();
  std::memset(page + *n, 0, kPageSize - *n);
  MINISQL_RETURN_IF_ERROR(VerifyPageChecksum(page, data_file->path(), 0));
  return DecodeFileHeader(page, data_file->path());
}
}  // namespace

Result<std::unique_ptr<Pager>> Pager::Open(const PagerOptions& options) {
  std::unique_ptr<Pager> pager(new Pager());
  Status s = pager->Initialize(options);
  if (!s.ok()) {
    pager->closed_ = true;  // nothing to checkpoint
    return s;
  }
  return Result<std::unique_ptr<Pager>>(std::move(pager));
}

Status Pager::Initialize(const PagerOptions& options) {
  if (options.datadir.empty()) {
    return Status::Error(ErrorCode::kWrongArguments, "Pager::Open (empty datadir)");
  }
  fs_ = options.fs != nullptr ? options.fs : DefaultFileSystem();
  datadir_ = options.datadir;
  data_path_ = datadir_ + "/minisql.db";
  wal_path_ = datadir_ + "/minisql.wal";
  checkpoint_wal_bytes_ = options.checkpoint_wal_bytes;

  MINISQL_RETURN_IF_ERROR(fs_->CreateDirectory(datadir_));
  bool files_existed = fs_->FileExists(data_path_) && fs_->FileExists(wal_path_);
  Result<std::unique_ptr<File>> data = fs_->OpenFile(data_path_, /*create=*/true);
  if (!data.ok()) return data.status();
  data_file_ = std::move(*data);
  Result<std::unique_ptr<File>> wal = fs_->OpenFile(wal_path_, /*create=*/true);
  if (!wal.ok()) return wal.status();
  wal_file_ = std::move(*wal);
  if (!files_existed) MINISQL_RETURN_IF_ERROR(fs_->SyncDirectory(datadir_));

  Result<RecoveryStats> recovery = RecoverFromLog(wal_file_.get(), data_file_.get());
  if (!recovery.ok()) return recovery.status();
  if (recovery->pages_applied > 0) {
    LogInfo("Crash recovery: replayed %lu page images of %lu committed transactions from '%s'",
            static_cast<unsigned long>(recovery->pages_applied),
            static_cast<unsigned long>(recovery->committed_txns), wal_path_.c_str());
  }

  Result<uint64_t> size = data_file_->Size();
  if (!size.ok()) return size.status();
  FileHeader header;
  auto page0 = std::make_unique<char[]>(kPageSize);
  bool fresh = *size == 0;
  if (!fresh) {
    Result<FileHeader> decoded = ReadFileHeader(data_file_.get(), page0.get());
    if (decoded.ok()) {
      header = *decoded;
    } else if (*size <= kPageSize) {
      // Only a damaged page 0 and no user page (recovery would have written any
      // committed one): a crash while the file was being created. Nothing to lose.
      LogWarning("'%s' holds only a damaged file header (%s); initialising a new data file",
                 data_path_.c_str(), decoded.status().message().c_str());
      fresh = true;
    } else {
      return decoded.status();
    }
  }
  if (fresh) {
    // A fresh data directory: write page 0 directly (no log needed: until it is
    // synced, a crash leaves an empty or damaged lone page 0, and we start over).
    created_new_ = true;
    header.next_lsn = recovery->last_lsn + 1;
    std::memset(page0.get(), 0, kPageSize);
    EncodeFileHeader(header, page0.get());
    StampPageChecksum(page0.get());
    MINISQL_RETURN_IF_ERROR(data_file_->Write(0, page0.get(), kPageSize));
    MINISQL_RETURN_IF_ERROR(data_file_->Sync());
  }
  page_count_ = header.page_count;
  was_clean_shutdown_ = header.clean_shutdown;

  pool_ = std::make_unique<BufferPool>(data_file_.get(), options.buffer_pool_bytes);
  log_ = std::make_unique<LogWriter>(wal_file_.get(), /*file_size=*/0,
                                     std::max(header.next_lsn, recovery->last_lsn + 1));
  // From now on a crash is not a clean shutdown.
  if (header.clean_shutdown) MINISQL_RETURN_IF_ERROR(LogHeaderUpdate(/*clean_shutdown=*/false));
  return Status::OK();
}

Pager::~Pager() {
  Status s = Close();
  if (!s.ok()) LogError("Closing '%s': %s", data_path_.c_str(), s.ToString().c_str());
}

Status Pager::Close() {
  if (closed_) return Status::OK();
  if (active_txn_ != nullptr) RollBack(active_txn_);
  Status failure = this->failure();
  Status result = failure.ok() ? CheckpointInternal(/*clean_shutdown=*/true) : failure;
  closed_ = true;
  // The pool and files stay allocated until destruction, so guards still held by
  // callers remain safe to release.
  return result;
}

// --- Reading ------------------------------------------------------------------------------

Status Pager::CheckUserPageId(PageId id) const {
  uint32_t page_count = page_count_.load();
  if (id == kFileHeaderPageId || id >= page_count) {
    return Status::WithMessage(ErrorCode::kNotFormFile,
                               "Page " + std::to_string(id) + " of file '" + data_path_ +
                                   "' does not exist (the file has " + std::to_string(page_count) +
                                   " pages, page 0 is reserved)");
  }
  return Status::OK();
}

Result<PageGuard> Pager::FetchPage(PageId id) {
  if (closed_) return Status::Error(ErrorCode::kInternalError, "the pager is closed");
  MINISQL_RETURN_IF_ERROR(CheckUserPageId(id));
  return pool_->FetchPage(id);
}

uint64_t Pager::wal_size_bytes() const {
  return log_ ? log_->size_bytes() : 0;
}

// --- Write transactions -------------------------------------------------------------------

std::unique_ptr<PagerTxn> Pager::BeginTxn() {
  return std::unique_ptr<PagerTxn>(new PagerTxn(this, next_txn_id_++));
}

Status Pager::CheckWritable(PagerTxn* txn) {
  if (txn == nullptr || txn->pager_ != this || txn->finished_) {
    return Status::Error(ErrorCode::kInternalError, "invalid or finished pager transaction");
  }
  if (closed_) return Status::Error(ErrorCode::kInternalError, "the pager is closed");
  // The flag, not commit_mu_: the writer may hold page latches here, and commit takes
  // commit_mu_ before page latches.
  if (failed_.load()) return failure();
  if (active_txn_ != nullptr && active_txn_ != txn) {
    return Status::Error(ErrorCode::kInternalError, "another write transaction is active");
  }
  if (active_txn_ == nullptr) {
    active_txn_ = txn;
    txn->active_ = true;
    txn->page_count_before_ = page_count_;
  }
  return Status::OK();
}

Status Pager::LatchInTxn(PagerTxn* txn, PageId id, bool fresh) {
  if (txn->latches_.count(id) != 0) return Status::OK();
  Result<WritePageGuard> latched = fresh ? pool_->NewPage(id) : pool_->FetchPageForWrite(id);
  if (!latched.ok()) return latched.status();
  txn->latches_.emplace(id, std::move(*latched));
  return Status::OK();
}

Result<WritePageGuard> Pager::TouchPage(PagerTxn* txn, PageId id, bool fresh) {
  MINISQL_RETURN_IF_ERROR(LatchInTxn(txn, id, fresh));
  // Pins only from here on: the txn's latch set holds the exclusive latch.
  if (txn->page_index_.count(id) == 0) {
    Result<WritePageGuard> txn_pin = pool_->PinPage(id);  // a hit: latched means pinned
    if (!txn_pin.ok()) return txn_pin.status();
    auto pre_image = std::make_unique<char[]>(kPageSize);
    std::memcpy(pre_image.get(), txn_pin->data(), kPageSize);
    txn->page_index_[id] = txn->pages_.size();
    txn->pages_.push_back(PagerTxn::TouchedPage{id, std::move(*txn_pin), std::move(pre_image)});
  }
  Result<WritePageGuard> caller_pin = pool_->PinPage(id);
  if (caller_pin.ok()) caller_pin->MarkChanged();  // the caller is about to change it
  return caller_pin;
}

Status Pager::LatchForWrite(PagerTxn* txn, PageId id) {
  MINISQL_RETURN_IF_ERROR(CheckWritable(txn));
  MINISQL_RETURN_IF_ERROR(CheckUserPageId(id));
  return LatchInTxn(txn, id, /*fresh=*/false);
}

void Pager::Unlatch(PagerTxn* txn, PageId id) {
  txn->latches_.erase(id);
}

void Pager::UnlatchAll(PagerTxn* txn) {
  txn->latches_.clear();
}

bool Pager::HoldsLatch(const PagerTxn* txn, PageId id) const {
  return txn->latches_.count(id) != 0;
}

void Pager::RestoreAtomically(std::vector<std::pair<WritePageGuard*, const char*>>* pages) {
  // A page may appear more than once (several pending commits): latch it once.
  std::vector<WritePageGuard*> distinct;
  std::unordered_map<PageId, bool> seen;
  for (auto& [pin, bytes] : *pages) {
    if (seen.emplace(pin->id(), true).second) distinct.push_back(pin);
  }
  // All or nothing, without waiting while holding: a reader may hold one of these
  // pages and wait for another (it latches top-down and left to right; this list is in
  // no such order).
  while (true) {
    size_t taken = 0;
    while (taken < distinct.size() && distinct[taken]->TryLatchExclusive()) ++taken;
    if (taken == distinct.size()) break;
    for (size_t i = 0; i < taken; ++i) distinct[i]->UnlatchExclusive();
    std::this_thread::yield();
  }
  for (auto& [pin, bytes] : *pages) {
    std::memcpy(pin->data(), bytes, kPageSize);
    pin->MarkChanged();
  }
  for (WritePageGuard* pin : distinct) pin->UnlatchExclusive();
}

Result<WritePageGuard> Pager::FetchPageForWrite(PagerTxn* txn, PageId id) {
  MINISQL_RETURN_IF_ERROR(CheckWritable(txn));
  MINISQL_RETURN_IF_ERROR(CheckUserPageId(id));
  return TouchPage(txn, id, /*fresh=*/false);
}

namespace {
// Empties a page for reuse: zero content, type kFree; the LSN is kept.
void ClearPage(char* page) {
  uint64_t lsn = GetPageLsn(page);
  std::memset(page, 0, kPageSize);
  SetPageLsn(page, lsn);
  SetPageType(page, PageType::kFree);
}

Status FreeListCorrupt(const std::string& path, PageId id) {
  return Status::WithMessage(ErrorCode::kNotFormFile,
                             "Incorrect information in file: '" + path + "' (free list entry " +
                                 std::to_string(id) + " is not a free page)");
}
}  // namespace

Result<WritePageGuard> Pager::AllocatePage(PagerTxn* txn) {
  MINISQL_RETURN_IF_ERROR(CheckWritable(txn));
  Result<WritePageGuard> header_page = TouchPage(txn, kFileHeaderPageId, /*fresh=*/false);
  if (!header_page.ok()) return header_page.status();
  Result<FileHeader> header = DecodeFileHeader(header_page->data(), data_path_);
  if (!header.ok()) return header.status();

  PageId id = header->free_list_head;
  bool from_free_list = id != kInvalidPageId;
  if (!from_free_list) {
    if (header->page_count >= kInvalidPageId - 1) {
      return Status::Error(ErrorCode::kRecordFileFull, data_path_);
    }
    id = header->page_count;
  }
  Result<WritePageGuard> page = TouchPage(txn, id, /*fresh=*/!from_free_list);
  if (!page.ok()) return page.status();
  if (from_free_list) {
    PageId next = GetNextFreePage(page->data());
    if (GetPageType(page->data()) != PageType::kFree ||
        (next != kInvalidPageId && (next == 0 || next >= header->page_count))) {
      return FreeListCorrupt(data_path_, id);
    }
    header->free_list_head = next;
  } else {
    header->page_count = id + 1;
  }
  ClearPage(page->data());
  EncodeFileHeader(*header, header_page->data());
  page_count_ = header->page_count;
  return page;
}

Status Pager::FreePage(PagerTxn* txn, PageId id) {
  MINISQL_RETURN_IF_ERROR(CheckWritable(txn));
  MINISQL_RETURN_IF_ERROR(CheckUserPageId(id));
  Result<WritePageGuard> header_page = TouchPage(txn, kFileHeaderPageId, /*fresh=*/false);
  if (!header_page.ok()) return header_page.status();
  Result<FileHeader> header = DecodeFileHeader(header_page->data(), data_path_);
  if (!header.ok()) return header.status();
  if (header->free_list_head == id) {
    return Status::Error(ErrorCode::kInternalError,
                         ("page " + std::to_string(id) + " is freed twice").c_str());
  }
  Result<WritePageGuard> page = TouchPage(txn, id, /*fresh=*/false);
  if (!page.ok()) return page.status();
  ClearPage(page->data());
  SetNextFreePage(page->data(), header->free_list_head);
  header->free_list_head = id;
  EncodeFileHeader(*header, header_page->data());
  return Status::OK();
}

void Pager::AbortTxn(PagerTxn* txn) {
  if (txn == nullptr || txn->pager_ != this || txn->finished_) return;
  RollBack(txn);
}

void Pager::RollBack(PagerTxn* txn) {
  txn->latches_.clear();  // RestoreAtomically takes them again, all at once
  std::vector<std::pair<WritePageGuard*, const char*>> restore;
  for (PagerTxn::TouchedPage& page : txn->pages_) {
    restore.emplace_back(&page.pin, page.pre_image.get());
  }
  RestoreAtomically(&restore);
  if (txn->active_) page_count_ = txn->page_count_before_;
  txn->pages_.clear();  // unpins
  txn->page_index_.clear();
  txn->finished_ = true;
  if (active_txn_ == txn) active_txn_ = nullptr;
}

void Pager::EnterFailedState(const Status& cause) {
  std::lock_guard<std::mutex> lock(commit_mu_);
  EnterFailedStateLocked(cause);
}

void Pager::EnterFailedStateLocked(const Status& cause) {
  if (!failure_.ok()) return;
  failed_.store(true);
  failure_ = Status::WithMessage(
      cause.error_code(), cause.message() + "; writes are refused until the server restarts");
  LogError("Storage failure, refusing writes until restart: %s", cause.ToString().c_str());
}

// --- Checkpoints --------------------------------------------------------------------------

Status Pager::Checkpoint() {
  if (closed_) return Status::Error(ErrorCode::kInternalError, "the pager is closed");
  return CheckpointInternal(/*clean_shutdown=*/false);
}

Status Pager::LogHeaderUpdate(bool clean_shutdown) {
  PagerTxn txn(this, next_txn_id_++);
  MINISQL_RETURN_IF_ERROR(CheckWritable(&txn));
  Result<WritePageGuard> page = TouchPage(&txn, kFileHeaderPageId, /*fresh=*/false);
  if (!page.ok()) return page.status();
  Result<FileHeader> header = DecodeFileHeader(page->data(), data_path_);
  if (!header.ok()) return header.status();
  header->clean_shutdown = clean_shutdown;
  header->next_lsn = log_->next_lsn() + 2;  // after this page image and its COMMIT
  EncodeFileHeader(*header, page->data());
  page->Release();
  return CommitInternal(&txn, /*allow_checkpoint=*/false);
}

Status Pager::CheckpointInternal(bool clean_shutdown) {
  MINISQL_RETURN_IF_ERROR(failure());
  if (active_txn_ != nullptr) {
    return Status::Error(ErrorCode::kInternalError, "checkpoint during a write transaction");
  }
  // Commits still waiting for their fsync: flush them, so their frames are dirty (and
  // get written below) before the log forgets them.
  Status flushed = WaitDurable(log_->next_lsn() - 1);
  if (!flushed.ok()) {
    RollBackUndurableCommits();
    return flushed;
  }
  MINISQL_RETURN_IF_ERROR(LogHeaderUpdate(clean_shutdown));
  // A failed data write is not fatal: the log still holds every committed page.
  MINISQL_RETURN_IF_ERROR(pool_->FlushAll());
  Status s = data_file_->Sync();
  if (s.ok()) s = log_->Reset();  // only now may the log forget
  if (!s.ok()) {
    EnterFailedState(s);
    return failure();
  }
  return Status::OK();
}

}  // namespace minisql::storage
