// table_row_cursor.cc — see table_row_cursor.h.
#include "storage/engine/table_row_cursor.h"

#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

bool StartsWith(const std::string& key, const std::string& prefix) {
  return key.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<bool> TableRowCursor::Next(Row* row, RowId* id) {
  std::string key, value;
  while (!done_) {
    Result<bool> more = cursor_->Next(&key, &value);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (lower_ && !lower_->inclusive && StartsWith(key, lower_->prefix)) continue;
    lower_.reset();  // past the lower bound: keys only grow from here
    if (upper_) {
      bool beyond = upper_->inclusive ? (key > upper_->prefix && !StartsWith(key, upper_->prefix))
                                      : key >= upper_->prefix;
      if (beyond) break;
    }
    Result<Row> decoded = DecodeRow(*schema_, value);
    if (!decoded.ok()) return decoded.status();
    *row = std::move(*decoded);
    if (id != nullptr) *id = std::move(key);
    return true;
  }
  done_ = true;
  return false;
}

}  // namespace minisql::storage
