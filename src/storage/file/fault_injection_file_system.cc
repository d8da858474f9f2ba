// fault_injection_file_system.cc — the in-memory misbehaving FileSystem (see header).
#include "storage/file/fault_injection_file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "storage/file/posix_file_system.h"

namespace minisql::storage {

// A handle: remembers its path and the power-cut generation it was opened in.
class FaultInjectionFileSystem::MemFile : public File {
 public:
  MemFile(FaultInjectionFileSystem* fs, std::string path, uint64_t generation)
      : fs_(fs), path_(std::move(path)), generation_(generation) {}

  Result<size_t> Read(uint64_t offset, size_t size, char* out) override {
    return fs_->DoRead(path_, generation_, offset, size, out);
  }
  Status Write(uint64_t offset, const char* data, size_t size) override {
    return fs_->DoWrite(path_, generation_, offset, data, size);
  }
  Status Sync() override { return fs_->DoSync(path_, generation_); }
  Status Truncate(uint64_t size) override { return fs_->DoTruncate(path_, generation_, size); }
  Result<uint64_t> Size() override { return fs_->DoSize(path_, generation_); }
  const std::string& path() const override { return path_; }

 private:
  FaultInjectionFileSystem* fs_;
  std::string path_;
  uint64_t generation_;
};

Result<std::unique_ptr<File>> FaultInjectionFileSystem::OpenFile(const std::string& path,
                                                                 bool create) {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.count(path) == 0) {
    if (!create) return Status::Error(ErrorCode::kCantOpenFile, path, ENOENT, strerror(ENOENT));
    files_[path] = FileState{};
  }
  return std::unique_ptr<File>(new MemFile(this, path, generation_));
}

bool FaultInjectionFileSystem::FileExists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.count(path) != 0;
}

Status FaultInjectionFileSystem::RemoveFile(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.erase(path) == 0) return WriteErrorStatus(path, ENOENT);
  return Status::OK();
}

Status FaultInjectionFileSystem::CreateDirectory(const std::string&) {
  return Status::OK();
}
Status FaultInjectionFileSystem::SyncDirectory(const std::string&) {
  return Status::OK();
}

void FaultInjectionFileSystem::FailNthWrite(int n, int err) {
  std::lock_guard<std::mutex> lock(mu_);
  fail_write_countdown_ = n;
  fail_write_errno_ = err;
}

void FaultInjectionFileSystem::FailNthSync(int n, int err) {
  std::lock_guard<std::mutex> lock(mu_);
  fail_sync_countdown_ = n;
  fail_sync_errno_ = err;
}

void FaultInjectionFileSystem::SetDiskFull(bool full) {
  std::lock_guard<std::mutex> lock(mu_);
  disk_full_ = full;
}

void FaultInjectionFileSystem::PowerCut(const std::string& torn_path) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [path, state] : files_) {
    std::string disk = state.synced;
    if (path == torn_path && !state.unsynced.empty()) {
      const UnsyncedWrite& w = state.unsynced.back();
      size_t half = w.data.size() / 2;
      if (disk.size() < w.offset + half) disk.resize(w.offset + half, '\0');
      disk.replace(w.offset, half, w.data, 0, half);
    }
    state.current = disk;
    state.synced = disk;
    state.unsynced.clear();
  }
  ++generation_;
}

std::string FaultInjectionFileSystem::Contents(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(path);
  return it == files_.end() ? std::string() : it->second.current;
}

void FaultInjectionFileSystem::Corrupt(const std::string& path, uint64_t offset,
                                       const std::string& bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState& state = files_[path];
  for (std::string* s : {&state.current, &state.synced}) {
    if (s->size() < offset + bytes.size()) s->resize(offset + bytes.size(), '\0');
    s->replace(offset, bytes.size(), bytes);
  }
}

FaultInjectionFileSystem::FileState* FaultInjectionFileSystem::LiveFile(const std::string& path,
                                                                        uint64_t generation) {
  if (generation != generation_) return nullptr;  // handle opened before a power cut
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

Result<size_t> FaultInjectionFileSystem::DoRead(const std::string& path, uint64_t generation,
                                                uint64_t offset, size_t size, char* out) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState* state = LiveFile(path, generation);
  if (state == nullptr) return ReadErrorStatus(path, EIO);
  if (offset >= state->current.size()) return size_t{0};
  size_t n = std::min<uint64_t>(size, state->current.size() - offset);
  std::memcpy(out, state->current.data() + offset, n);
  return n;
}

Status FaultInjectionFileSystem::DoWrite(const std::string& path, uint64_t generation,
                                         uint64_t offset, const char* data, size_t size) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState* state = LiveFile(path, generation);
  if (state == nullptr) return WriteErrorStatus(path, EIO);
  ++writes_;
  if (fail_write_countdown_ > 0 && --fail_write_countdown_ == 0) {
    return WriteErrorStatus(path, fail_write_errno_);
  }
  if (disk_full_) return WriteErrorStatus(path, ENOSPC);
  if (state->current.size() < offset + size) state->current.resize(offset + size, '\0');
  state->current.replace(offset, size, data, size);
  state->unsynced.push_back(UnsyncedWrite{offset, std::string(data, size)});
  return Status::OK();
}

void FaultInjectionFileSystem::SetSyncDelay(std::chrono::microseconds delay) {
  std::lock_guard<std::mutex> lock(mu_);
  sync_delay_ = delay;
}

void FaultInjectionFileSystem::SetIgnoreSyncs(bool ignore) {
  std::lock_guard<std::mutex> lock(mu_);
  ignore_syncs_ = ignore;
}

Status FaultInjectionFileSystem::DoSync(const std::string& path, uint64_t generation) {
  std::chrono::microseconds delay;
  {
    std::lock_guard<std::mutex> lock(mu_);
    delay = sync_delay_;
  }
  // Outside the mutex: other files (and appends to this one) proceed meanwhile.
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
  std::lock_guard<std::mutex> lock(mu_);
  FileState* state = LiveFile(path, generation);
  if (state == nullptr) return WriteErrorStatus(path, EIO);
  ++syncs_;
  if (fail_sync_countdown_ > 0 && --fail_sync_countdown_ == 0) {
    return WriteErrorStatus(path, fail_sync_errno_);
  }
  if (ignore_syncs_) return Status::OK();  // a lie: nothing became durable
  state->synced = state->current;
  state->unsynced.clear();
  return Status::OK();
}

Status FaultInjectionFileSystem::DoTruncate(const std::string& path, uint64_t generation,
                                            uint64_t size) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState* state = LiveFile(path, generation);
  if (state == nullptr) return WriteErrorStatus(path, EIO);
  state->current.resize(size, '\0');
  return Status::OK();
}

Result<uint64_t> FaultInjectionFileSystem::DoSize(const std::string& path, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  FileState* state = LiveFile(path, generation);
  if (state == nullptr) return ReadErrorStatus(path, EIO);
  return static_cast<uint64_t>(state->current.size());
}

}  // namespace minisql::storage
