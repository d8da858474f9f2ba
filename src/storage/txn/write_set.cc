// write_set.cc — see write_set.h.
#include "storage/txn/write_set.h"

namespace minisql::storage {

void WriteSet::Put(uint64_t table_id, std::shared_ptr<const TableSchema> schema,
                   const std::string& key, Change change) {
  TableWrites& table = tables_[table_id];
  if (schema) table.schema = std::move(schema);
  auto it = table.rows.find(key);
  if (it == table.rows.end()) {
    undo_.push_back(Undo{table_id, key, false, std::nullopt});
    table.rows.emplace(key, std::move(change));
  } else {
    undo_.push_back(Undo{table_id, key, true, std::move(it->second)});
    it->second = std::move(change);
  }
}

const WriteSet::Change* WriteSet::Find(uint64_t table_id, const std::string& key) const {
  auto table = tables_.find(table_id);
  if (table == tables_.end()) return nullptr;
  auto it = table->second.rows.find(key);
  return it == table->second.rows.end() ? nullptr : &it->second;
}

const WriteSet::TableWrites* WriteSet::Table(uint64_t table_id) const {
  auto it = tables_.find(table_id);
  return it == tables_.end() ? nullptr : &it->second;
}

bool WriteSet::empty() const {
  for (const auto& [id, table] : tables_) {
    if (!table.rows.empty()) return false;
  }
  return true;
}

void WriteSet::RollbackTo(size_t savepoint) {
  while (undo_.size() > savepoint) {
    Undo& undo = undo_.back();
    auto& rows = tables_[undo.table_id].rows;
    if (undo.had_change) {
      rows[undo.key] = std::move(undo.previous);
    } else {
      rows.erase(undo.key);
    }
    undo_.pop_back();
  }
}

void WriteSet::Clear() {
  tables_.clear();
  undo_.clear();
}

}  // namespace minisql::storage
