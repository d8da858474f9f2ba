// text_result_sink.cc — see text_result_sink.h.
#include "net/text/text_result_sink.h"

namespace minisql::net {

Status TextResultSink::SendRow(const Row& row) {
  if (!table_) {
    Status error = Status::Error(ErrorCode::kInternalError, "row sent before its columns");
    SendError(error);
    return error;
  }
  table_->AddRow(row);
  if (table_->byte_size() > max_bytes_) {
    // The session stops calling us after a failed SendRow, so report the error here.
    Status error = Status::Error(ErrorCode::kTooLongString);
    SendError(error);
    return error;
  }
  return Status::OK();
}

}  // namespace minisql::net
