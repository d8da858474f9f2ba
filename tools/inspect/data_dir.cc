// data_dir.cc — read-only data directory access (see data_dir.h).
#include "inspect/data_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <set>

#include "storage/btree/btree_node.h"
#include "storage/catalog/catalog_codec.h"

namespace minisql::inspect {

using storage::BTreeNode;
using storage::kPageSize;

namespace {
Status ReadOnly(const std::string& path) {
  return Status::Error(ErrorCode::kCantCreateFile, path, EROFS, "minisql-inspect never writes");
}

const BTreeNode NodeView(const std::string& page) {
  return BTreeNode(const_cast<char*>(page.data()) + storage::kPageHeaderSize,
                   storage::kPageContentSize);
}

Status BadNode(PageId id) {
  return Status::Error(ErrorCode::kCorruption, "B+ tree page " + std::to_string(id));
}
}  // namespace

// --- ReadOnlyFile ----------------------------------------------------------------------

Result<std::unique_ptr<ReadOnlyFile>> ReadOnlyFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(ErrorCode::kCantOpenFile, path, errno, std::strerror(errno));
  return std::unique_ptr<ReadOnlyFile>(new ReadOnlyFile(fd, path));
}

ReadOnlyFile::~ReadOnlyFile() {
  ::close(fd_);
}

Result<size_t> ReadOnlyFile::Read(uint64_t offset, size_t size, char* out) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(ErrorCode::kErrorOnRead, path_, errno, std::strerror(errno));
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

Status ReadOnlyFile::Write(uint64_t, const char*, size_t) {
  return ReadOnly(path_);
}
Status ReadOnlyFile::Sync() {
  return ReadOnly(path_);
}
Status ReadOnlyFile::Truncate(uint64_t) {
  return ReadOnly(path_);
}

Result<uint64_t> ReadOnlyFile::Size() {
  off_t end = ::lseek(fd_, 0, SEEK_END);
  if (end < 0) return Status::Error(ErrorCode::kErrorOnRead, path_, errno, std::strerror(errno));
  return static_cast<uint64_t>(end);
}

// --- DataDir ---------------------------------------------------------------------------

Result<std::unique_ptr<DataDir>> DataDir::Open(const std::string& datadir) {
  auto dir = std::unique_ptr<DataDir>(new DataDir());
  Result<std::unique_ptr<ReadOnlyFile>> data = ReadOnlyFile::Open(datadir + "/minisql.db");
  if (!data.ok()) return data.status();
  dir->data_ = std::move(*data);
  Result<std::unique_ptr<ReadOnlyFile>> wal = ReadOnlyFile::Open(datadir + "/minisql.wal");
  if (!wal.ok()) return wal.status();
  dir->wal_ = std::move(*wal);
  Result<uint64_t> data_bytes = dir->data_->Size();
  if (!data_bytes.ok()) return data_bytes.status();
  dir->data_bytes_ = *data_bytes;
  Result<uint64_t> wal_bytes = dir->wal_->Size();
  if (!wal_bytes.ok()) return wal_bytes.status();
  dir->wal_bytes_ = *wal_bytes;
  Result<std::string> page0 = dir->ReadPage(storage::kFileHeaderPageId);
  if (!page0.ok()) return page0.status();
  Result<storage::FileHeader> header = storage::DecodeFileHeader(page0->data(), dir->data_path());
  if (!header.ok()) return header.status();
  dir->header_ = *header;
  return dir;
}

Result<std::string> DataDir::ReadPage(PageId id, bool* checksum_ok) {
  if (id >= pages_in_file()) {
    return Status::WithMessage(ErrorCode::kWrongArguments,
                               "page " + std::to_string(id) + " does not exist: '" + data_path() +
                                   "' has " + std::to_string(pages_in_file()) + " pages");
  }
  std::string page(kPageSize, '\0');
  Result<size_t> n = data_->Read(uint64_t{id} * kPageSize, kPageSize, page.data());
  if (!n.ok()) return n.status();
  if (checksum_ok != nullptr) *checksum_ok = storage::PageChecksumValid(page.data());
  return page;
}

Result<std::vector<TreeInfo>> DataDir::Trees() {
  std::vector<TreeInfo> trees = {TreeInfo{"catalog", 1, nullptr}};
  Result<std::vector<std::pair<std::string, std::string>>> entries = Entries(1);
  if (!entries.ok()) return entries.status();
  for (const auto& [key, value] : *entries) {
    if (key.empty() || key[0] != 'T') continue;
    Result<storage::TableEntry> table = storage::DecodeTableEntry(value);
    if (!table.ok()) return table.status();
    const storage::TableSchema& schema = *table->schema;
    trees.push_back(TreeInfo{schema.database + "." + schema.name, table->root, table->schema});
  }
  return trees;
}

Result<TreeInfo> DataDir::FindTree(const std::string& name) {
  Result<std::vector<TreeInfo>> trees = Trees();
  if (!trees.ok()) return trees.status();
  for (const TreeInfo& tree : *trees) {
    if (tree.name == name) return tree;
  }
  return Status::WithMessage(ErrorCode::kWrongArguments,
                             "no table '" + name + "' (try the 'tables' command)");
}

Result<std::vector<std::vector<PageId>>> DataDir::Levels(PageId root) {
  std::vector<std::vector<PageId>> levels;
  std::vector<PageId> level = {root};
  std::set<PageId> seen;
  while (!level.empty()) {
    if (levels.size() > 32) return BadNode(root);  // a cycle
    levels.push_back(level);
    std::vector<PageId> next;
    for (PageId id : level) {
      if (!seen.insert(id).second) return BadNode(id);
      Result<std::string> page = ReadPage(id);
      if (!page.ok()) return page.status();
      const BTreeNode node = NodeView(*page);
      if (!node.Validate()) return BadNode(id);
      if (node.is_leaf()) continue;
      for (size_t i = 0; i <= node.count(); ++i) next.push_back(node.ChildAt(i));
    }
    level = std::move(next);
  }
  return levels;
}

Result<std::vector<std::pair<std::string, std::string>>> DataDir::Entries(PageId root) {
  Result<std::vector<std::vector<PageId>>> levels = Levels(root);
  if (!levels.ok()) return levels.status();
  std::vector<std::pair<std::string, std::string>> entries;
  for (PageId id : levels->back()) {  // the leaves, left to right
    Result<std::string> page = ReadPage(id);
    if (!page.ok()) return page.status();
    const BTreeNode node = NodeView(*page);
    for (size_t i = 0; i < node.count(); ++i) {
      entries.emplace_back(std::string(node.KeyAt(i)), std::string(node.ValueAt(i)));
    }
  }
  return entries;
}

}  // namespace minisql::inspect
