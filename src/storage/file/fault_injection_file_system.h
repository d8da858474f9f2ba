// fault_injection_file_system.h — an in-memory FileSystem that misbehaves on purpose.
//
// Crash-safety claims are only worth what their tests check. This file system keeps
// every file in memory twice:
//
//   current contents  what reads see: every Write/Truncate applied
//   synced contents   what a disk would still hold after losing power: the current
//                     contents as of the file's last successful Sync()
//
// and can be told to:
//   * fail the Nth write or the Nth sync from now (with an errno, default EIO),
//   * answer every write with ENOSPC (a full disk),
//   * make every Sync take a while (so group commit tests see concurrent committers),
//   * ignore syncs: Sync returns OK but makes nothing durable, exactly as if the code
//     under test had stopped calling fsync — crash tests use it to prove they would
//     notice a missing fsync,
//   * PowerCut(): every file reverts to its synced contents, and every File handle
//     opened before the cut becomes dead (all calls fail with EIO) — like a process
//     that no longer exists. Reopening files afterwards sees the post-crash disk.
//     Optionally one unsynced write survives torn: only its first half reaches
//     the "disk" (what a real power cut in the middle of an 8 KiB page write does).
//
// Directory entries are treated as durable immediately (files are never lost by a
// power cut, only their unsynced bytes). Thread-safe (one mutex).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "storage/file/file_system.h"

namespace minisql::storage {

class FaultInjectionFileSystem : public FileSystem {
 public:
  FaultInjectionFileSystem() = default;

  Result<std::unique_ptr<File>> OpenFile(const std::string& path, bool create) override;
  bool FileExists(const std::string& path) override;
  Status RemoveFile(const std::string& path) override;
  Status CreateDirectory(const std::string& path) override;
  Status SyncDirectory(const std::string& path) override;

  // --- Faults ------------------------------------------------------------------------
  /// The `n`th Write (1 = the next one, on any file) fails with `err`. 0 disarms.
  void FailNthWrite(int n, int err = 5 /* EIO */);
  /// The `n`th Sync (1 = the next one) fails with `err`; the data is NOT made durable.
  void FailNthSync(int n, int err = 5 /* EIO */);
  /// While true, every Write fails with ENOSPC.
  void SetDiskFull(bool full);
  /// Every successful Sync first sleeps this long (like a real disk's flush).
  void SetSyncDelay(std::chrono::microseconds delay);
  /// While true, Sync returns OK without making anything durable (a PowerCut then
  /// loses everything written since). Test seam for "would we catch a missing fsync?".
  void SetIgnoreSyncs(bool ignore);

  /// Simulates losing power: see the file comment. If `torn_path` is not empty, the
  /// most recent unsynced write to that file is kept half-written (its first half).
  void PowerCut(const std::string& torn_path = "");

  // --- Inspection and tampering (tests) ----------------------------------------------
  /// The current contents of `path` ("" if missing).
  std::string Contents(const std::string& path);
  /// Overwrites bytes of `path` in both current and synced contents (simulates media
  /// corruption that survives a crash).
  void Corrupt(const std::string& path, uint64_t offset, const std::string& bytes);
  int writes() {
    std::lock_guard<std::mutex> lock(mu_);
    return writes_;
  }
  int syncs() {
    std::lock_guard<std::mutex> lock(mu_);
    return syncs_;
  }

 private:
  class MemFile;
  struct UnsyncedWrite {
    uint64_t offset;
    std::string data;
  };
  struct FileState {
    std::string current;
    std::string synced;
    std::vector<UnsyncedWrite> unsynced;  // writes since the last sync, in order
  };

  // The state of `path` for a handle of `generation`; null if the handle is dead
  // (opened before a power cut) or the file was removed. mu_ held.
  FileState* LiveFile(const std::string& path, uint64_t generation);

  // The operations behind MemFile; each takes mu_.
  Result<size_t> DoRead(const std::string& path, uint64_t generation, uint64_t offset, size_t size,
                        char* out);
  Status DoWrite(const std::string& path, uint64_t generation, uint64_t offset, const char* data,
                 size_t size);
  Status DoSync(const std::string& path, uint64_t generation);
  Status DoTruncate(const std::string& path, uint64_t generation, uint64_t size);
  Result<uint64_t> DoSize(const std::string& path, uint64_t generation);

  std::mutex mu_;
  std::map<std::string, FileState> files_;
  uint64_t generation_ = 0;  // bumped by PowerCut; handles of older generations are dead
  int fail_write_countdown_ = 0;
  int fail_write_errno_ = 5;
  int fail_sync_countdown_ = 0;
  int fail_sync_errno_ = 5;
  bool disk_full_ = false;
  std::chrono::microseconds sync_delay_{0};
  bool ignore_syncs_ = false;
  int writes_ = 0;
  int syncs_ = 0;
};

}  // namespace minisql::storage
