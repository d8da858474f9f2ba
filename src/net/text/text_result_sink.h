// text_result_sink.h — the ResultSink of the text protocol: collects a statement's
// outcome and renders it (text_table.h) once the statement is done.
//
// A table's column widths depend on every row, so rows are buffered; to keep memory
// bounded, a result larger than `max_bytes` stops the statement with
// ER_TOO_LONG_STRING (1162).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "net/text/text_table.h"
#include "session/result_sink.h"

namespace minisql::net {

class TextResultSink : public ResultSink {
 public:
  explicit TextResultSink(size_t max_bytes) : max_bytes_(max_bytes) {}

  void SendOk(const OkResult& ok) override { text_ = RenderOk(ok); }
  void SendError(const Status& error) override {
    table_.reset();
    text_ = RenderError(error);
  }
  void BeginResultSet(const std::vector<ResultColumn>& columns) override {
    table_ = std::make_unique<TextTable>(columns);
  }
  Status SendRow(const Row& row) override;
  void EndResultSet(uint16_t /*warnings*/) override {
    if (table_) text_ = table_->Render();
    table_.reset();
  }

  /// The rendered outcome; nullopt if the statement reported nothing.
  const std::optional<std::string>& text() const { return text_; }

 private:
  size_t max_bytes_;
  std::unique_ptr<TextTable> table_;
  std::optional<std::string> text_;
};

}  // namespace minisql::net
