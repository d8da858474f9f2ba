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

}  // namespace minisql::storage
