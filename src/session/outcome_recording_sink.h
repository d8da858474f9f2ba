// outcome_recording_sink.h — a ResultSink that passes everything on and remembers what
// the statement reported, for ROW_COUNT() and FOUND_ROWS() of the next statement.
//
//   StatementRunner::Run ─► OutcomeRecordingSink ─► the protocol's sink
//
// MySQL defines ROW_COUNT() by the previous statement's outcome: the affected rows of
// an OK packet (0 for DDL and SET), -1 for a statement that returned a result set or
// failed. FOUND_ROWS() is the number of rows the previous result set had (or, under
// SQL_CALC_FOUND_ROWS, would have had without its LIMIT — the runner supplies that).
#pragma once

#include <cstdint>

#include "session/result_sink.h"

namespace minisql {

class OutcomeRecordingSink : public ResultSink {
 public:
  explicit OutcomeRecordingSink(ResultSink* target) : target_(target) {}

  void SendOk(const OkResult& ok) override {
    row_count_ = static_cast<int64_t>(ok.affected_rows);
    target_->SendOk(ok);
  }
  void SendError(const Status& error) override {
    row_count_ = -1;
    target_->SendError(error);
  }
  void BeginResultSet(const std::vector<ResultColumn>& columns) override {
    row_count_ = -1;
    result_set_ = true;
    target_->BeginResultSet(columns);
  }
  Status SendRow(const Row& row) override {
    ++rows_;
    return target_->SendRow(row);
  }
  void EndResultSet(uint16_t warnings) override { target_->EndResultSet(warnings); }

  int64_t row_count() const { return row_count_; }
  bool sent_result_set() const { return result_set_; }
  uint64_t rows_sent() const { return rows_; }

 private:
  ResultSink* target_;
  int64_t row_count_ = -1;
  bool result_set_ = false;
  uint64_t rows_ = 0;
};

}  // namespace minisql
