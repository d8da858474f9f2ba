// data_dir.h — read-only access to a minisql data directory for minisql-inspect.
//
// The inspector must never change what it inspects, so it does not use the Pager
// (whose Open runs crash recovery and writes). It opens <datadir>/minisql.db and
// <datadir>/minisql.wal with O_RDONLY and decodes the bytes itself with the storage
// engine's own format code (page.h, file_header.h, btree_node.h, catalog_codec.h,
// log_reader.h). What it shows is the data file as it is on disk: if the log is not
// empty (a server is running, or crashed), committed changes in the log may not have
// reached the data file yet; the inspector says so.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/file/file_system.h"
#include "storage/page/page.h"
#include "storage/pager/file_header.h"
#include "storage/storage_engine.h"

namespace minisql::inspect {

using storage::PageId;

/// A File that refuses every change: Write/Sync/Truncate are errors.
class ReadOnlyFile : public storage::File {
 public:
  static Result<std::unique_ptr<ReadOnlyFile>> Open(const std::string& path);
  ~ReadOnlyFile() override;
  Result<size_t> Read(uint64_t offset, size_t size, char* out) override;
  Status Write(uint64_t offset, const char* data, size_t size) override;
  Status Sync() override;
  Status Truncate(uint64_t size) override;
  Result<uint64_t> Size() override;
  const std::string& path() const override { return path_; }

 private:
  ReadOnlyFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

/// A B+ tree known to the catalog: the catalog itself, or a table.
struct TreeInfo {
  std::string name;  // "(catalog)" or "db.table"
  PageId root = storage::kInvalidPageId;
  std::shared_ptr<const storage::TableSchema> schema;  // null for the catalog
};

class DataDir {
 public:
  static Result<std::unique_ptr<DataDir>> Open(const std::string& datadir);

  const std::string& data_path() const { return data_->path(); }
  storage::File* wal_file() { return wal_.get(); }
  const storage::FileHeader& header() const { return header_; }
  uint64_t data_file_bytes() const { return data_bytes_; }
  uint64_t wal_bytes() const { return wal_bytes_; }
  /// Pages physically in the data file (may exceed header().page_count after a crash).
  uint32_t pages_in_file() const { return static_cast<uint32_t>(data_bytes_ / storage::kPageSize); }

  /// Page `id`'s 8192 bytes. A checksum mismatch is reported in `checksum_ok`, not as
  /// an error, so damaged pages can still be looked at.
  Result<std::string> ReadPage(PageId id, bool* checksum_ok = nullptr);

  /// The catalog (page 1) followed by every table, in catalog order.
  Result<std::vector<TreeInfo>> Trees();
  /// The tree named "db.table" (or "catalog").
  Result<TreeInfo> FindTree(const std::string& name);
  /// Every node page of the tree, level by level (root first), left to right.
  Result<std::vector<std::vector<PageId>>> Levels(PageId root);

  /// All (key, stored value) entries of the tree rooted at `root`, in key order.
  Result<std::vector<std::pair<std::string, std::string>>> Entries(PageId root);

 private:
  std::unique_ptr<ReadOnlyFile> data_;
  std::unique_ptr<ReadOnlyFile> wal_;
  storage::FileHeader header_;
  uint64_t data_bytes_ = 0;
  uint64_t wal_bytes_ = 0;
};

}  // namespace minisql::inspect
