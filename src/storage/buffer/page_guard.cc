// page_guard.cc — unlatching and unpinning on destruction/move (see page_guard.h).
#include "storage/buffer/page_guard.h"

#include "storage/buffer/buffer_pool.h"

namespace minisql::storage {

PageGuard& PageGuard::operator=(PageGuard&& other) noexcept {
  if (this != &other) {
    Release();
    pool_ = other.pool_;
    frame_ = other.frame_;
    id_ = other.id_;
    data_ = other.data_;
    checked_ = other.checked_;
    version_ = other.version_;
    latch_ = other.latch_;
    other.pool_ = nullptr;
    other.data_ = nullptr;
    other.id_ = kInvalidPageId;
  }
  return *this;
}

void PageGuard::MarkChecked() {
  if (pool_ == nullptr || checked_ || latch_ == kOwned) return;
  pool_->MarkChecked(frame_);
  checked_ = true;
}

void PageGuard::Release() {
  if (pool_ == nullptr) return;
  if (latch_ == kShared) pool_->UnlatchShared(frame_);
  pool_->Unpin(frame_);
  pool_ = nullptr;
  data_ = nullptr;
}

WritePageGuard& WritePageGuard::operator=(WritePageGuard&& other) noexcept {
  if (this != &other) {
    Release();
    pool_ = other.pool_;
    frame_ = other.frame_;
    id_ = other.id_;
    data_ = other.data_;
    latched_ = other.latched_;
    other.pool_ = nullptr;
    other.data_ = nullptr;
    other.id_ = kInvalidPageId;
  }
  return *this;
}

void WritePageGuard::MarkDirty() {
  if (pool_ != nullptr) pool_->MarkDirty(frame_);
}

void WritePageGuard::LatchExclusive() {
  if (pool_ == nullptr || latched_) return;
  pool_->LatchExclusive(frame_);
  latched_ = true;
}

bool WritePageGuard::TryLatchExclusive() {
  if (pool_ == nullptr || latched_) return latched_;
  latched_ = pool_->TryLatchExclusive(frame_);
  return latched_;
}

void WritePageGuard::UnlatchExclusive() {
  if (pool_ == nullptr || !latched_) return;
  pool_->UnlatchExclusive(frame_);
  latched_ = false;
}

void WritePageGuard::MarkChanged() {
  if (pool_ != nullptr) pool_->MarkChanged(frame_);
}

void WritePageGuard::Release() {
  if (pool_ == nullptr) return;
  if (latched_) pool_->UnlatchExclusive(frame_);
  pool_->Unpin(frame_);
  pool_ = nullptr;
  data_ = nullptr;
}

}  // namespace minisql::storage
