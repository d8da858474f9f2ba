// recording_sink.h — a ResultSink for session tests: it records what a statement
// reported (OK, error, columns, rows rendered as text) so a test can assert on it.
#pragma once

#include <string>
#include <vector>

#include "session/result_sink.h"

namespace minisql {

class RecordingSink : public ResultSink {
 public:
  void SendOk(const OkResult& ok) override {
    this->ok = true;
    ok_result = ok;
  }
  void SendError(const Status& status) override { error = status; }
  void BeginResultSet(const std::vector<ResultColumn>& cols) override { columns = cols; }
  Status SendRow(const Row& row) override {
    std::vector<std::string> text;
    for (const Value& v : row) text.push_back(v.is_null() ? "NULL" : v.ToText());
    rows.push_back(text);
    return Status::OK();
  }
  void EndResultSet(uint16_t) override { ended = true; }

  bool ok = false;
  OkResult ok_result;
  Status error;
  std::vector<ResultColumn> columns;
  std::vector<std::vector<std::string>> rows;
  bool ended = false;
};

}  // namespace minisql
