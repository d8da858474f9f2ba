// posix_file_system.h — FileSystem on top of POSIX calls: open, pread, pwrite,
// fdatasync, ftruncate, fstat. Interrupted calls (EINTR) are retried; short writes are
// continued; every failure becomes a MySQL error carrying the path, errno and
// strerror text (ENOSPC/EDQUOT become 1021 "Disk full").
#pragma once

#include "storage/file/file_system.h"

namespace minisql::storage {

class PosixFileSystem : public FileSystem {
 public:
  Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) override;
  bool FileExists(const std::string& path) override;
  Status RemoveFile(const std::string& path) override;
  Status CreateDirectory(const std::string& path) override;
  Status SyncDirectory(const std::string& path) override;
};

/// The error Status for a failed write/sync of `path` with `err` (an errno value):
/// 1021 for a full disk, otherwise 1026. Shared with FaultInjectionFileSystem so
/// injected faults look exactly like real ones.
Status WriteErrorStatus(const std::string& path, int err);
/// 1024 "Error reading file".
Status ReadErrorStatus(const std::string& path, int err);

}  // namespace minisql::storage
