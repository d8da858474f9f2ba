// slt_record.h — one record of a sqllogictest file, as the parser hands it to the runner.
//
// A sqllogictest file is a list of records separated by blank lines ('#' lines are
// comments). Each record may be preceded by conditions that limit it to some engines:
//
//   skipif mssql                  <- conditions (zero or more)
//   onlyif mysql
//   query II rowsort label-17     <- header: kind, column types, sort mode, label
//   SELECT a, b FROM t1           <- SQL, one or more lines
//   ----                          <- separator (queries only)
//   1                             <- expected values, one per line, row after row,
//   2                                or "N values hashing to <md5>"
//
// Other record kinds: `statement ok`, `statement error [errno]`, `hash-threshold N`
// and `halt`. The parser (slt_parser.h) produces these structs; the runner
// (file_runner.h) executes them. Neither knows about the other's internals.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace minisql::slt {

/// `skipif <engine>` (only_if == false) or `onlyif <engine>` (only_if == true).
struct Condition {
  bool only_if = false;
  std::string engine;
};

enum class RecordKind { kStatement, kQuery, kHashThreshold, kHalt };

/// How the runner orders a query's values before comparing them.
enum class SortMode {
  kNoSort,     // keep the server's row order
  kRowSort,    // sort whole rows, comparing column by column as strings
  kValueSort,  // sort every value on its own, as strings
};

struct Record {
  RecordKind kind = RecordKind::kStatement;
  int line = 0;  // 1-based line number of the header, for messages
  std::vector<Condition> conditions;
  std::string sql;  // statements and queries; lines joined with '\n'

  // kStatement
  bool expect_error = false;
  std::optional<unsigned> expected_errno;  // `statement error 1146` checks the number too

  // kQuery
  std::string column_types;  // one letter per column: I, R or T
  SortMode sort_mode = SortMode::kNoSort;
  std::string label;                         // queries sharing a label must agree
  bool has_expected = false;                 // false when the record has no "----"
  std::vector<std::string> expected_values;  // the lines after "----"

  // kHashThreshold
  int hash_threshold = 0;
};

/// True when `conditions` allow the record to run on `engine`.
inline bool RecordAppliesTo(const std::vector<Condition>& conditions, const std::string& engine) {
  for (const Condition& condition : conditions) {
    if (condition.only_if != (condition.engine == engine)) return false;
  }
  return true;
}

}  // namespace minisql::slt
