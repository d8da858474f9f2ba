// file_runner.cc — runs one sqllogictest file (see file_runner.h for the states).
//
// Comparing a query: the values are printed and sorted (result_format.h), then
//   - expected is one "N values hashing to <md5>" line: compare with the hash of ours;
//   - otherwise: compare the expected lines with our values one by one.
// So the hash threshold only decides how our side is shown in -v output; the
// answer never depends on it. A labelled query must also hash like the first query
// with the same label.
#include "sqllogictest/file_runner.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

#include "sqllogictest/result_format.h"
#include "sqllogictest/slt_parser.h"

namespace minisql::slt {
namespace {

using Clock = std::chrono::steady_clock;

// The sqllogictest default (the corpus README): results of more than 8 values are hashed.
constexpr int kDefaultHashThreshold = 8;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// --compare-protocols runs a query twice. A query whose result depends on the statement
// before it (ROW_COUNT(), FOUND_ROWS(), LAST_INSERT_ID()) or that assigns a user
// variable would see its own first run, so those run once, as text (and are compared
// by the --prepared run of the same files).
bool ReadsLastStatementState(const std::string& sql) {
  std::string lower = sql;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* marker : {"row_count(", "found_rows(", "last_insert_id(", ":="}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string DatabaseNameFor(const std::string& prefix, const std::string& path) {
  std::string name = prefix + std::filesystem::path(path).stem().string();
  for (char& c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!keep) c = '_';
  }
  if (name.size() > 64) name.resize(64);  // MySQL's limit on identifiers
  return name;
}

FileRunner::FileRunner(ServerAddress address, RunOptions options)
    : address_(address), options_(std::move(options)), client_(std::move(address)) {}

FileResult FileRunner::Run(const std::string& path) {
  Clock::time_point start = Clock::now();
  FileResult result;
  result.path = path;
  ParsedFile parsed = ParseSltFile(path);
  if (!parsed.ok()) {
    result.file_error = parsed.error;
    result.failed = 1;
    result.causes["file does not parse"] = 1;
    result.seconds = SecondsSince(start);
    return result;
  }
  database_ = DatabaseNameFor(options_.database_prefix, path);
  hash_threshold_ = kDefaultHashThreshold;
  label_hashes_.clear();
  timeouts_ = 0;
  down_reason_ = OpenSession(/*fresh=*/true);
  state_ = down_reason_.empty() ? ConnectionState::kConnected : ConnectionState::kDown;

  for (const Record& record : parsed.records) {
    bool counted = record.kind == RecordKind::kStatement || record.kind == RecordKind::kQuery;
    if (!RecordAppliesTo(record.conditions, options_.engine)) {
      if (counted) ++result.skipped;
      continue;
    }
    if (record.kind == RecordKind::kHalt) break;
    if (record.kind == RecordKind::kHashThreshold) {
      hash_threshold_ = record.hash_threshold;
      continue;
    }
    if (state_ == ConnectionState::kDown) {
      Fail(record, "server down: " + down_reason_, {}, {}, &result);
      continue;
    }
    if (record.kind == RecordKind::kStatement) {
      RunStatement(record, &result);
    } else {
      RunQuery(record, &result);
    }
  }
  if (state_ == ConnectionState::kConnected)
    client_.Execute("DROP DATABASE IF EXISTS " + database_);
  client_.Close();
  result.seconds = SecondsSince(start);
  return result;
}

std::string FileRunner::OpenSession(bool fresh) {
  Clock::time_point start = Clock::now();
  SqlOutcome connected = client_.Connect();
  while (!connected.ok() && SecondsSince(start) < options_.reconnect_wait_seconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    connected = client_.Connect();
  }
  if (!connected.ok()) return connected.ErrorText();
  std::vector<std::string> setup;
  if (fresh) {
    setup = {"DROP DATABASE IF EXISTS " + database_, "CREATE DATABASE " + database_};
  } else {
    // After a crash and restart the database may be gone; recreate it empty then.
    setup = {"CREATE DATABASE IF NOT EXISTS " + database_};
  }
  setup.push_back("USE " + database_);
  for (const std::string& sql : setup) {
    SqlOutcome outcome = client_.Execute(sql);
    if (!outcome.ok()) {
      client_.Close();
      return "setting up the database: " + sql + ": " + outcome.ErrorText();
    }
  }
  return "";
}

SqlOutcome FileRunner::ExecuteAsPrepared(const Record& record, FileResult* result) {
  SqlOutcome outcome = client_.ExecutePrepared(record.sql);
  if (!outcome.not_preparable) return outcome;
  ++result->not_preparable;
  if (result->not_preparable_sql.size() < options_.kept_mismatches) {
    result->not_preparable_sql.push_back(record.sql);
  }
  return client_.Execute(record.sql);
}

bool FileRunner::ExecuteChecked(const Record& record, SqlOutcome* outcome, FileResult* result,
                                bool prepared) {
  Clock::time_point start = Clock::now();
  unsigned long old_thread_id = client_.thread_id();
  *outcome = prepared ? ExecuteAsPrepared(record, result) : client_.Execute(record.sql);
  if (!outcome->IsConnectionLost()) return true;
  bool timed_out = SecondsSince(start) >= address_.timeout_seconds;
  Fail(record,
       timed_out ? "timeout after " + std::to_string(address_.timeout_seconds) + " s"
                 : "connection lost: " + outcome->ErrorText(),
       {}, {}, result);
  if (timed_out && ++timeouts_ >= options_.max_timeouts) {
    // A server that keeps running statements we gave up on gets slower and slower;
    // stop here rather than wait a timeout per remaining record.
    down_reason_ = std::to_string(timeouts_) + " statements timed out";
    state_ = ConnectionState::kDown;
    client_.Close();
    return false;
  }
  down_reason_ = OpenSession(/*fresh=*/false);
  if (!down_reason_.empty()) {
    state_ = ConnectionState::kDown;
    return false;
  }
  // A statement that hung may still run on the server and hold locks: stop it.
  if (timed_out && old_thread_id != 0) client_.Execute("KILL " + std::to_string(old_thread_id));
  return false;
}

void FileRunner::RunStatement(const Record& record, FileResult* result) {
  SqlOutcome outcome;
  bool prepared = options_.protocol != ProtocolMode::kText;
  if (!ExecuteChecked(record, &outcome, result, prepared)) return;
  if (!record.expect_error) {
    if (outcome.ok()) {
      ++result->passed;
    } else {
      Fail(record, CauseOf(outcome), {"statement ok"}, {outcome.ErrorText()}, result);
    }
    return;
  }
  if (outcome.ok()) {
    Fail(record, "statement succeeded, an error was expected", {"statement error"}, {"ok"}, result);
  } else if (record.expected_errno.has_value() && *record.expected_errno != outcome.error_code) {
    Fail(record, "wrong error number", {"ERROR " + std::to_string(*record.expected_errno)},
         {outcome.ErrorText()}, result);
  } else {
    ++result->passed;
  }
}

void FileRunner::RunQuery(const Record& record, FileResult* result) {
  SqlOutcome outcome;
  bool prepared = options_.protocol == ProtocolMode::kPrepared;
  if (!ExecuteChecked(record, &outcome, result, prepared)) return;
  if (options_.protocol == ProtocolMode::kCompare && !ReadsLastStatementState(record.sql)) {
    SqlOutcome binary;
    if (!ExecuteChecked(record, &binary, result, /*prepared=*/true)) return;
    if (!SameOverBothProtocols(record, outcome, binary, result)) return;
  }
  if (!outcome.ok()) {
    Fail(record, CauseOf(outcome), record.expected_values, {outcome.ErrorText()}, result);
    return;
  }
  size_t columns = outcome.has_result_set ? outcome.column_count : 0;
  if (columns != record.column_types.size()) {
    Fail(record, "wrong number of columns",
         {std::to_string(record.column_types.size()) + " columns"},
         {std::to_string(columns) + " columns"}, result);
    return;
  }
  std::vector<std::string> values =
      FormatResult(record.column_types, record.sort_mode, outcome.rows);
  std::string hash_line = HashLine(values);
  std::vector<std::string> shown = values;
  if (hash_threshold_ > 0 && static_cast<int>(values.size()) > hash_threshold_) {
    shown = {hash_line};
  }
  if (record.has_expected) {
    const std::vector<std::string>& expected = record.expected_values;
    bool match = (expected.size() == 1 && IsHashLine(expected[0])) ? expected[0] == hash_line
                                                                   : expected == values;
    if (!match) {
      if (expected.size() == 1 && IsHashLine(expected[0])) shown = {hash_line};
      Fail(record, "wrong result", expected, shown, result);
      return;
    }
  }
  if (!record.label.empty()) {
    auto [entry, inserted] = label_hashes_.emplace(record.label, hash_line);
    if (!inserted && entry->second != hash_line) {
      Fail(record, "result differs from an earlier query with label " + record.label,
           {entry->second}, {hash_line}, result);
      return;
    }
  }
  ++result->passed;
}

namespace {

// One row as "a | b | NULL", for showing a protocol difference.
std::string RowText(const RawRow& row) {
  std::string text;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) text += " | ";
    text += row[i].has_value() ? *row[i] : "NULL";
  }
  return text;
}

std::string OutcomeSummary(const SqlOutcome& outcome) {
  if (!outcome.ok()) return outcome.ErrorText();
  if (!outcome.has_result_set) return "no result set";
  return std::to_string(outcome.column_count) + " columns, " + std::to_string(outcome.rows.size()) +
         " rows";
}

}  // namespace

bool FileRunner::SameOverBothProtocols(const Record& record, const SqlOutcome& text,
                                       const SqlOutcome& binary, FileResult* result) {
  const char* cause = "text and binary protocol results differ";
  if (text.error_code != binary.error_code || text.has_result_set != binary.has_result_set ||
      text.column_count != binary.column_count || text.rows.size() != binary.rows.size()) {
    Fail(record, cause, {"text:   " + OutcomeSummary(text)}, {"binary: " + OutcomeSummary(binary)},
         result);
    return false;
  }
  // Raw values, before any sqllogictest formatting: "3.50" and "3.5" differ here.
  for (size_t i = 0; i < text.rows.size(); ++i) {
    if (text.rows[i] != binary.rows[i]) {
      Fail(record, cause, {"text row " + std::to_string(i + 1) + ":   " + RowText(text.rows[i])},
           {"binary row " + std::to_string(i + 1) + ": " + RowText(binary.rows[i])}, result);
      return false;
    }
  }
  return true;
}

void FileRunner::Fail(const Record& record, const std::string& cause,
                      std::vector<std::string> expected, std::vector<std::string> actual,
                      FileResult* result) {
  ++result->failed;
  ++result->causes[cause];
  if (result->mismatches.size() < options_.kept_mismatches) {
    result->mismatches.push_back(
        Mismatch{record.line, record.sql, cause, std::move(expected), std::move(actual)});
  }
}

// The failure cause for the summary: the error number and message with the parts
// that vary between statements removed (the "; check the manual ... near '...'" tail
// of syntax errors, our database name), so equal causes add up.
std::string FileRunner::CauseOf(const SqlOutcome& outcome) const {
  std::string message = outcome.error_message;
  for (const char* variable_tail : {"; check the manual", " near '"}) {
    size_t tail = message.find(variable_tail);
    if (tail != std::string::npos) message.resize(tail);
  }
  for (size_t at = message.find(database_); at != std::string::npos && !database_.empty();
       at = message.find(database_, at)) {
    message.replace(at, database_.size(), "<db>");
  }
  if (message.size() > 100) message = message.substr(0, 100) + "...";
  return "ERROR " + std::to_string(outcome.error_code) + ": " + message;
}

}  // namespace minisql::slt
