// index_row_cursor.cc — see index_row_cursor.h.
#include "storage/index/index_row_cursor.h"

namespace minisql::storage {

Result<bool> IndexRowCursor::Next(Row* row, RowId* id) {
  if (next_ == rows_.end()) return false;
  *row = std::move(next_->second.second);
  if (id != nullptr) *id = std::move(next_->second.first);
  ++next_;
  return true;
}

}  // namespace minisql::storage
