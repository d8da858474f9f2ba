// check_trees.cc — the `check` command of minisql-inspect: is every B+ tree sound?
//
//   minisql-inspect --datadir D check
//   check: recovery replayed the log in memory (3 committed transactions)
//   catalog                     ok  42 entries
//   shop.items                  ok  1900 entries
//   shop.items index by_name    ok  1900 entries
//   check: 3 trees, all consistent
//
// The other commands show the data file as it is on disk. A crashed server's data file
// lags behind its log, so checking it directly would report trees that recovery is
// about to repair. This command therefore copies both files into an in-memory file
// system (storage/file/fault_injection_file_system.h, which also serves the crash
// tests), opens a Pager on the copy — which runs the real crash recovery there — and
// runs BTree::CheckIntegrity (key order, separator bounds, equal leaf depth, sibling
// chain, fill, overflow chains) on the catalog and on every table and index tree. The
// files on disk are only read: the inspector still never writes.
//
// The crash-loop test (test/e2e/crash_loop_test.sh) runs it after every kill -9.
#include <memory>

#include "inspect/commands.h"
#include "storage/btree/btree.h"
#include "storage/catalog/catalog.h"
#include "storage/file/fault_injection_file_system.h"
#include "storage/pager/pager.h"

namespace minisql::inspect {

namespace {

// Copies `from` (read-only, on disk) into `to` (in memory).
Status CopyFile(storage::File* from, storage::FileSystem* memory, const std::string& to) {
  Result<uint64_t> size = from->Size();
  if (!size.ok()) return size.status();
  std::string bytes(*size, '\0');
  Result<size_t> read = from->Read(0, bytes.size(), bytes.data());
  if (!read.ok()) return read.status();
  Result<std::unique_ptr<storage::File>> copy = memory->OpenFile(to, /*create=*/true);
  if (!copy.ok()) return copy.status();
  MINISQL_RETURN_IF_ERROR((*copy)->Write(0, bytes.data(), *read));
  return (*copy)->Sync();
}

Status CheckOne(storage::Pager* pager, const std::string& name, storage::PageId root,
                std::ostream& out) {
  Result<uint64_t> entries = storage::BTree(pager, root).CheckIntegrity();
  if (!entries.ok()) {
    out << name << "  DAMAGED\n";
    return entries.status();
  }
  std::string padded = name.size() < 28 ? name + std::string(28 - name.size(), ' ') : name;
  out << padded << "ok  " << *entries << " entries\n";
  return Status::OK();
}

}  // namespace

Status CheckTrees(DataDir* dir, std::ostream& out) {
  storage::FaultInjectionFileSystem memory;
  // The copy lives under the same path, in memory, so errors name the real files.
  const std::string& data_path = dir->data_path();
  const std::string copy_dir = data_path.substr(0, data_path.rfind('/'));
  MINISQL_RETURN_IF_ERROR(memory.CreateDirectory(copy_dir));
  Result<std::unique_ptr<ReadOnlyFile>> data = ReadOnlyFile::Open(dir->data_path());
  if (!data.ok()) return data.status();
  MINISQL_RETURN_IF_ERROR(CopyFile(data->get(), &memory, copy_dir + "/minisql.db"));
  MINISQL_RETURN_IF_ERROR(CopyFile(dir->wal_file(), &memory, copy_dir + "/minisql.wal"));

  storage::PagerOptions options;
  options.datadir = copy_dir;
  options.buffer_pool_bytes = 16ull << 20;
  options.fs = &memory;
  Result<std::unique_ptr<storage::Pager>> pager = storage::Pager::Open(options);
  if (!pager.ok()) return pager.status();
  if (dir->wal_bytes() > 0) out << "check: crash recovery ran on an in-memory copy\n";

  storage::Catalog catalog(pager->get());
  size_t trees = 1;
  MINISQL_RETURN_IF_ERROR(CheckOne(pager->get(), "catalog", storage::Catalog::kRootPage, out));
  Result<std::vector<std::string>> databases = catalog.ListDatabases();
  if (!databases.ok()) return databases.status();
  for (const std::string& db : *databases) {
    Result<std::vector<std::string>> tables = catalog.ListTables(db);
    if (!tables.ok()) return tables.status();
    for (const std::string& table : *tables) {
      Result<std::optional<storage::TableEntry>> entry = catalog.FindTable(db, table);
      if (!entry.ok()) return entry.status();
      if (!entry->has_value()) continue;
      const storage::TableEntry& found = **entry;
      MINISQL_RETURN_IF_ERROR(CheckOne(pager->get(), db + "." + table, found.root, out));
      ++trees;
      for (size_t i = 0; i < found.index_roots.size(); ++i) {
        MINISQL_RETURN_IF_ERROR(
            CheckOne(pager->get(), db + "." + table + " index " + found.schema->indexes[i].name,
                     found.index_roots[i], out));
        ++trees;
      }
    }
  }
  out << "check: " << trees << " trees, all consistent\n";
  return Status::OK();
}

}  // namespace minisql::inspect
