// file_system.h — the one interface every byte of storage I/O goes through.
//
// The pager, buffer pool and write-ahead log never call open()/pread()/fsync()
// themselves; they talk to a FileSystem and the File handles it opens. Two
// implementations exist:
//
//   PosixFileSystem           the real thing (pread/pwrite/fdatasync), used by the server
//   FaultInjectionFileSystem  in memory; fails the Nth write or sync, reports a full
//                             disk, and simulates a power cut (unsynced writes vanish,
//                             optionally leaving a torn page). Used by crash tests.
//
// Keeping the interface this small is what makes the crash tests possible: every
// durability promise of the pager can be checked against a file system that forgets
// exactly what a real disk may forget.
//
// Durability contract (what callers may assume, and all they may assume):
//   * Write() data is durable only after a later Sync() of the same File returned OK.
//   * Truncate() is durable only after a later Sync().
//   * A newly created file's existence is durable only after SyncDirectory() of its
//     directory returned OK.
//
// Errors are MySQL errors naming the file and errno: 1024 (read), 1026 (write, sync),
// 1004/1016 (create/open) and 1021 for ENOSPC.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"

namespace minisql::storage {

/// An open file. Offsets and sizes are in bytes. Not thread-safe for concurrent
/// Write/Truncate; concurrent Read calls are safe.
class File {
 public:
  virtual ~File() = default;

  /// Reads up to `size` bytes at `offset` into `out`. Returns the number of bytes
  /// read: less than `size` only when the file ends first (0 past the end).
  virtual Result<size_t> Read(uint64_t offset, size_t size, char* out) = 0;
  /// Writes all `size` bytes at `offset`, extending the file if needed.
  virtual Status Write(uint64_t offset, const char* data, size_t size) = 0;
  /// Makes every earlier Write/Truncate of this file durable.
  virtual Status Sync() = 0;
  /// Cuts (or zero-extends) the file to `size` bytes.
  virtual Status Truncate(uint64_t size) = 0;
  /// The current size in bytes.
  virtual Result<uint64_t> Size() = 0;
  /// The path the file was opened with (for error messages).
  virtual const std::string& path() const = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// Opens `path` for reading and writing; creates it (empty) when `create` is true
  /// and it does not exist. Opening a missing file without `create` is error 1016.
  virtual Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
  /// Creates the directory (one level); OK if it already exists.
  virtual Status CreateDirectory(const std::string& path) = 0;
  /// Makes the creation/removal of entries in directory `path` durable.
  virtual Status SyncDirectory(const std::string& path) = 0;
};

/// The process-wide POSIX file system (stateless; the object lives forever).
FileSystem* DefaultFileSystem();

}  // namespace minisql::storage
