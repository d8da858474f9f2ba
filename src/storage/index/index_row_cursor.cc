// index_row_cursor.cc — see index_row_cursor.h.
#include "storage/index/index_row_cursor.h"

#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

bool StartsWith(const std::string& key, const std::string& prefix) {
  return key.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<bool> IndexRowCursor::Next(Row* row, RowId* id) {
  std::string key, clustered;
  while (!done_) {
    Result<bool> more = cursor_->Next(&key, &clustered);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (lower_ && !lower_->inclusive && StartsWith(key, lower_->prefix)) continue;
    lower_.reset();
    if (upper_) {
      bool beyond = upper_->inclusive ? (key > upper_->prefix && !StartsWith(key, upper_->prefix))
                                      : key >= upper_->prefix;
      if (beyond) break;
    }
    Result<std::optional<std::string>> record = table_.Get(clustered);
    if (!record.ok()) return record.status();
    if (!record->has_value()) {
      return Status::Error(ErrorCode::kInternalError, "index entry points at a missing row");
    }
    Result<Row> decoded = DecodeRow(*schema_, **record);
    if (!decoded.ok()) return decoded.status();
    *row = std::move(*decoded);
    if (id != nullptr) *id = std::move(clustered);
    return true;
  }
  done_ = true;
  return false;
}

}  // namespace minisql::storage
