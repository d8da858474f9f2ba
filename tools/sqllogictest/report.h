// report.h — prints what the runner found, for people (text) or machines (--json).
//
// Text output streams one line per file as it finishes, then the totals and the most
// frequent failure causes; with -v each file's first mismatches follow its line:
//
//   FAIL  select1.test   1020 passed    11 failed     0 skipped   1.52 s
//     line 812: wrong result
//       SQL:      SELECT ...
//       expected: ...
//       actual:   ...
//   TOTAL 2 files        ...
//
// JSON output is one object printed at the end:
//   {"files":[{"file":..., "passed":N, "failed":N, "skipped":N, "seconds":S,
//              "error":"..."?}, ...],
//    "total":{"files":N, "passed":N, "failed":N, "skipped":N, "seconds":S},
//    "causes":[{"cause":"...", "records":N}, ...]}
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sqllogictest/file_runner.h"

namespace minisql::slt {

class Reporter {
 public:
  Reporter(bool json, bool verbose, FILE* out) : json_(json), verbose_(verbose), out_(out) {}

  /// Called as each file finishes.
  void AddFile(FileResult result);
  /// Prints the totals (text) or the whole document (JSON).
  void Finish();
  int total_failed() const { return total_failed_; }

 private:
  void PrintFileLine(const FileResult& result) const;
  void PrintMismatches(const FileResult& result) const;

  bool json_;
  bool verbose_;
  FILE* out_;
  std::vector<FileResult> files_;
  int total_failed_ = 0;
};

/// `text` as a JSON string literal, quotes included.
std::string JsonString(const std::string& text);

}  // namespace minisql::slt
