// page_guard.cc — unpinning on destruction/move (see page_guard.h).
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
    other.pool_ = nullptr;
    other.data_ = nullptr;
    other.id_ = kInvalidPageId;
  }
  return *this;
}

void PageGuard::MarkChecked() {
  if (pool_ == nullptr || checked_) return;
  pool_->MarkChecked(frame_);
  checked_ = true;
}

void PageGuard::Release() {
  if (pool_ == nullptr) return;
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
    other.pool_ = nullptr;
    other.data_ = nullptr;
    other.id_ = kInvalidPageId;
  }
  return *this;
}

void WritePageGuard::MarkDirty() {
  if (pool_ != nullptr) pool_->MarkDirty(frame_);
}

void WritePageGuard::Release() {
  if (pool_ == nullptr) return;
  pool_->UnpinWrite(frame_);
  pool_ = nullptr;
  data_ = nullptr;
}

}  // namespace minisql::storage
