// catalog.cc — see catalog.h.
#include "storage/catalog/catalog.h"

#include "storage/btree/btree_cursor.h"

namespace minisql::storage {
namespace {

/// Names become parts of NUL-separated keys, so they cannot contain NUL (MySQL does
/// not allow it in identifiers either). Empty names are refused too.
bool ValidName(const std::string& name) {
  return !name.empty() && name.find('\0') == std::string::npos;
}

std::string AccountName(const UserRecord& user) {
  return "'" + user.user + "'@'" + user.host + "'";
}

}  // namespace

Status Catalog::Initialize(Pager* pager, PagerTxn* txn) {
  Result<WritePageGuard> page = pager->AllocatePage(txn);
  if (!page.ok()) return page.status();
  if (page->id() != kRootPage) {
    return Status::Error(ErrorCode::kInternalError, "catalog root is not page 1");
  }
  BTree::FormatEmptyRoot(&*page);
  return Status::OK();
}

template <typename Visit>
Status Catalog::ScanPrefix(const std::string& prefix, Visit visit) {
  Result<std::unique_ptr<BTreeCursor>> cursor = tree_.Seek(prefix);
  if (!cursor.ok()) return cursor.status();
  std::string key, value;
  while (true) {
    Result<bool> more = (*cursor)->Next(&key, &value);
    if (!more.ok()) return more.status();
    if (!*more || key.compare(0, prefix.size(), prefix) != 0) return Status::OK();
    MINISQL_RETURN_IF_ERROR(visit(key, value));
  }
}

// --- Databases -------------------------------------------------------------------------

Result<bool> Catalog::DatabaseExists(const std::string& db) {
  if (!ValidName(db)) return false;
  Result<std::optional<std::string>> record = tree_.Get(DatabaseKey(db));
  if (!record.ok()) return record.status();
  return record->has_value();
}

Status Catalog::CreateDatabase(PagerTxn* txn, const std::string& db) {
  if (!ValidName(db)) return Status::Error(ErrorCode::kWrongDbName, db);
  Result<bool> inserted = tree_.Insert(txn, DatabaseKey(db), "");
  if (!inserted.ok()) return inserted.status();
  if (!*inserted) return Status::Error(ErrorCode::kDbCreateExists, db);
  return Status::OK();
}

Status Catalog::DropDatabase(PagerTxn* txn, const std::string& db) {
  Result<bool> exists = DatabaseExists(db);
  if (!exists.ok()) return exists.status();
  if (!*exists) return Status::Error(ErrorCode::kDbDropExists, db);
  Result<std::vector<std::string>> tables = ListTables(db);
  if (!tables.ok()) return tables.status();
  for (const std::string& table : *tables) MINISQL_RETURN_IF_ERROR(DropTable(txn, db, table));
  Result<bool> deleted = tree_.Delete(txn, DatabaseKey(db));
  return deleted.ok() ? Status::OK() : deleted.status();
}

Result<std::vector<std::string>> Catalog::ListDatabases() {
  std::vector<std::string> names;
  std::string prefix(kDatabaseKeyPrefix);
  MINISQL_RETURN_IF_ERROR(ScanPrefix(prefix, [&](const std::string& key, const std::string&) {
    names.push_back(key.substr(prefix.size()));
    return Status::OK();
  }));
  return names;
}

// --- Tables ----------------------------------------------------------------------------

Result<std::vector<std::string>> Catalog::ListTables(const std::string& db) {
  std::vector<std::string> names;
  if (!ValidName(db)) return names;
  std::string prefix = TableKeyPrefix(db);
  MINISQL_RETURN_IF_ERROR(ScanPrefix(prefix, [&](const std::string& key, const std::string&) {
    names.push_back(key.substr(prefix.size()));
    return Status::OK();
  }));
  return names;
}

Result<std::optional<TableEntry>> Catalog::FindTable(const std::string& db,
                                                     const std::string& table) {
  if (!ValidName(db) || !ValidName(table)) return std::optional<TableEntry>();
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto it = cache_.find({db, table});
    if (it != cache_.end()) return std::optional<TableEntry>(it->second);
  }
  Result<std::optional<std::string>> record = tree_.Get(TableKey(db, table));
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<TableEntry>();
  Result<TableEntry> entry = DecodeTableEntry(**record);
  if (!entry.ok()) return entry.status();
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_[{db, table}] = *entry;
  ++cache_loads_;
  return std::optional<TableEntry>(*entry);
}

Result<uint64_t> Catalog::NextTableId(PagerTxn* txn) {
  Result<std::optional<std::string>> record = tree_.Get(kNextTableIdKey);
  if (!record.ok()) return record.status();
  uint64_t id = 1;
  if (record->has_value()) {
    Result<uint64_t> stored = DecodeUint64(**record);
    if (!stored.ok()) return stored.status();
    id = *stored;
    Result<bool> updated = tree_.Update(txn, kNextTableIdKey, EncodeUint64(id + 1));
    if (!updated.ok()) return updated.status();
  } else {
    Result<bool> inserted = tree_.Insert(txn, kNextTableIdKey, EncodeUint64(id + 1));
    if (!inserted.ok()) return inserted.status();
  }
  return id;
}

Result<TableEntry> Catalog::CreateTable(PagerTxn* txn, const TableSchema& schema) {
  if (!ValidName(schema.name)) return Status::Error(ErrorCode::kWrongTableName, schema.name);
  Result<bool> db_exists = DatabaseExists(schema.database);
  if (!db_exists.ok()) return db_exists.status();
  if (!*db_exists) return Status::Error(ErrorCode::kBadDb, schema.database);
  Result<std::optional<TableEntry>> existing = FindTable(schema.database, schema.name);
  if (!existing.ok()) return existing.status();
  // MariaDB names only the table here, not the database.
  if (existing->has_value()) return Status::Error(ErrorCode::kTableExists, schema.name);

  Result<TableEntry> entry = AllocateTable(txn, schema);
  if (!entry.ok()) return entry.status();
  MINISQL_RETURN_IF_ERROR(RecordTable(txn, *entry, TableCounters{}));
  return entry;
}

Result<TableEntry> Catalog::AllocateTable(PagerTxn* txn, const TableSchema& schema) {
  auto stored = std::make_shared<TableSchema>(schema);
  Result<uint64_t> table_id = NextTableId(txn);
  if (!table_id.ok()) return table_id.status();
  stored->table_id = *table_id;
  Result<PageId> root = BTree::Create(pager_, txn);
  if (!root.ok()) return root.status();
  std::vector<PageId> index_roots;
  for (size_t i = 0; i < stored->indexes.size(); ++i) {
    Result<PageId> index_root = BTree::Create(pager_, txn);
    if (!index_root.ok()) return index_root.status();
    index_roots.push_back(*index_root);
  }
  return TableEntry{std::move(stored), *root, std::move(index_roots)};
}

Status Catalog::RecordTable(PagerTxn* txn, const TableEntry& entry, const TableCounters& counters) {
  const TableSchema& schema = *entry.schema;
  std::string record = EncodeTableEntry(schema, entry.root, entry.index_roots);
  if (!BTree::EntryFits(TableKey(schema.database, schema.name), record)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "table definitions this large");
  }
  Result<bool> inserted = tree_.Insert(txn, TableKey(schema.database, schema.name), record);
  if (!inserted.ok()) return inserted.status();
  if (!*inserted) return Status::Error(ErrorCode::kTableExists, schema.name);
  inserted = tree_.Insert(txn, CountersKey(schema.database, schema.name), EncodeCounters(counters));
  if (!inserted.ok()) return inserted.status();
  if (!*inserted) return CorruptCatalog();
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_[{schema.database, schema.name}] = entry;
  return Status::OK();
}

Status Catalog::FreeTrees(PagerTxn* txn, const TableEntry& entry) {
  BTree tree(pager_, entry.root);
  MINISQL_RETURN_IF_ERROR(tree.Drop(txn));
  for (PageId index_root : entry.index_roots) {
    BTree index_tree(pager_, index_root);
    MINISQL_RETURN_IF_ERROR(index_tree.Drop(txn));
  }
  return Status::OK();
}

Status Catalog::RenameTable(PagerTxn* txn, const std::string& db, const std::string& table,
                            const std::string& new_db, const std::string& new_table) {
  if (!ValidName(new_table)) return Status::Error(ErrorCode::kWrongTableName, new_table);
  Result<std::optional<TableEntry>> entry = FindTable(db, table);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value()) return Status::Error(ErrorCode::kNoSuchTable, db, table);
  Result<bool> db_exists = DatabaseExists(new_db);
  if (!db_exists.ok()) return db_exists.status();
  if (!*db_exists) return Status::Error(ErrorCode::kBadDb, new_db);
  Result<std::optional<TableEntry>> existing = FindTable(new_db, new_table);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return Status::Error(ErrorCode::kTableExists, new_table);
  Result<TableCounters> counters = GetCounters(db, table);
  if (!counters.ok()) return counters.status();
  Result<bool> deleted = tree_.Delete(txn, TableKey(db, table));
  if (!deleted.ok()) return deleted.status();
  deleted = tree_.Delete(txn, CountersKey(db, table));
  if (!deleted.ok()) return deleted.status();
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    cache_.erase({db, table});
  }
  // Same table id, trees and counters: only the name in the key and the record moves.
  auto renamed = std::make_shared<TableSchema>(*(*entry)->schema);
  renamed->database = new_db;
  renamed->name = new_table;
  TableEntry moved = **entry;
  moved.schema = std::move(renamed);
  return RecordTable(txn, moved, *counters);
}

Status Catalog::DropTable(PagerTxn* txn, const std::string& db, const std::string& table) {
  Result<std::optional<TableEntry>> entry = FindTable(db, table);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value()) return Status::Error(ErrorCode::kBadTable, db + "." + table);
  BTree tree(pager_, (*entry)->root);
  MINISQL_RETURN_IF_ERROR(tree.Drop(txn));
  for (PageId index_root : (*entry)->index_roots) {
    BTree index_tree(pager_, index_root);
    MINISQL_RETURN_IF_ERROR(index_tree.Drop(txn));
  }
  Result<bool> deleted = tree_.Delete(txn, TableKey(db, table));
  if (!deleted.ok()) return deleted.status();
  deleted = tree_.Delete(txn, CountersKey(db, table));
  if (!deleted.ok()) return deleted.status();
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_.erase({db, table});
  return Status::OK();
}

Status Catalog::ReplaceTable(PagerTxn* txn, const TableEntry& entry) {
  const TableSchema& schema = *entry.schema;
  std::string key = TableKey(schema.database, schema.name);
  std::string record = EncodeTableEntry(schema, entry.root, entry.index_roots);
  if (!BTree::EntryFits(key, record)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "table definitions this large");
  }
  Result<bool> updated = tree_.Update(txn, key, record);
  if (!updated.ok()) return updated.status();
  if (!*updated) return Status::Error(ErrorCode::kNoSuchTable, schema.database, schema.name);
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_[{schema.database, schema.name}] = entry;
  return Status::OK();
}

Result<TableCounters> Catalog::GetCounters(const std::string& db, const std::string& table) {
  Result<std::optional<std::string>> record = tree_.Get(CountersKey(db, table));
  if (!record.ok()) return record.status();
  if (!record->has_value()) return CorruptCatalog();
  return DecodeCounters(**record);
}

Status Catalog::PutCounters(PagerTxn* txn, const std::string& db, const std::string& table,
                            const TableCounters& counters) {
  Result<bool> updated = tree_.Update(txn, CountersKey(db, table), EncodeCounters(counters));
  if (!updated.ok()) return updated.status();
  return *updated ? Status::OK() : CorruptCatalog();
}

// --- Accounts --------------------------------------------------------------------------

Result<std::optional<UserRecord>> Catalog::FindUser(const std::string& user,
                                                    const std::string& host) {
  Result<std::optional<std::string>> record = tree_.Get(UserKey(user, host));
  if (!record.ok()) return record.status();
  if (!record->has_value()) return std::optional<UserRecord>();
  Result<UserRecord> decoded = DecodeUser(**record);
  if (!decoded.ok()) return decoded.status();
  return std::optional<UserRecord>(*decoded);
}

Result<std::vector<UserRecord>> Catalog::ListUsers() {
  std::vector<UserRecord> users;
  MINISQL_RETURN_IF_ERROR(
      ScanPrefix(std::string(kUserKeyPrefix), [&](const std::string&, const std::string& value) {
        Result<UserRecord> user = DecodeUser(value);
        if (!user.ok()) return user.status();
        users.push_back(*user);
        return Status::OK();
      }));
  return users;
}

Status Catalog::CreateUser(PagerTxn* txn, const UserRecord& user) {
  if (user.user.find('\0') != std::string::npos) {
    return Status::Error(ErrorCode::kCannotUser, "CREATE USER", AccountName(user));
  }
  std::string record = EncodeUser(user);
  std::string key = UserKey(user.user, user.host);
  if (!BTree::EntryFits(key, record)) {
    return Status::Error(ErrorCode::kCannotUser, "CREATE USER", AccountName(user));
  }
  Result<bool> inserted = tree_.Insert(txn, key, record);
  if (!inserted.ok()) return inserted.status();
  if (!*inserted) return Status::Error(ErrorCode::kCannotUser, "CREATE USER", AccountName(user));
  return Status::OK();
}

Result<bool> Catalog::UpdateUser(PagerTxn* txn, const UserRecord& user) {
  std::string record = EncodeUser(user);
  std::string key = UserKey(user.user, user.host);
  if (!BTree::EntryFits(key, record)) {
    return Status::Error(ErrorCode::kCannotUser, "ALTER USER", AccountName(user));
  }
  return tree_.Update(txn, key, record);
}

Result<bool> Catalog::DropUser(PagerTxn* txn, const std::string& user, const std::string& host) {
  return tree_.Delete(txn, UserKey(user, host));
}

void Catalog::ClearCache() {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  cache_.clear();
}

TableCacheCounts Catalog::CacheCounts() {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return TableCacheCounts{cache_.size(), cache_loads_};
}

}  // namespace minisql::storage
