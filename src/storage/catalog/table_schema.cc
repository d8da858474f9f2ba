// table_schema.cc — TableSchema's one method (the struct lives in storage_engine.h).
#include <strings.h>

#include "storage/storage_engine.h"

namespace minisql::storage {

int TableSchema::FindColumn(const std::string& column_name) const {
  // MySQL column names are case-insensitive (ASCII folding, like its identifiers).
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name.size() == column_name.size() &&
        strncasecmp(columns[i].name.c_str(), column_name.c_str(), column_name.size()) == 0) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int TableSchema::FindIndex(const std::string& index_name) const {
  // Index names are case-insensitive too.
  for (size_t i = 0; i < indexes.size(); ++i) {
    if (indexes[i].name.size() == index_name.size() &&
        strncasecmp(indexes[i].name.c_str(), index_name.c_str(), index_name.size()) == 0) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

size_t TableSchema::AddIndex(IndexDef index) {
  // MySQL lists (and checks) keys as: UNIQUE over NOT NULL columns, other UNIQUE, then
  // the rest; a new key goes after the existing ones of its group.
  auto group = [this](const IndexDef& def) {
    if (!def.unique) return 2;
    for (uint32_t column : def.columns) {
      if (column < columns.size() && columns[column].nullable) return 1;
    }
    return 0;
  };
  int rank = group(index);
  size_t position = 0;
  while (position < indexes.size() && group(indexes[position]) <= rank) ++position;
  indexes.insert(indexes.begin() + static_cast<std::ptrdiff_t>(position), std::move(index));
  return position;
}

}  // namespace minisql::storage
