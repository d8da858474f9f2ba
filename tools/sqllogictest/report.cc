// report.cc — text and JSON output of the runner (see report.h for both shapes).
#include "sqllogictest/report.h"

#include <algorithm>
#include <map>

namespace minisql::slt {
namespace {

constexpr size_t kShownCauses = 15;  // text mode: the most frequent failure causes
constexpr size_t kShownLines = 12;   // -v: lines of expected/actual values per mismatch

struct Totals {
  int passed = 0, failed = 0, skipped = 0;
  double seconds = 0;
};

// Causes, most frequent first (ties by name, so the output is stable).
std::vector<std::pair<std::string, int>> SortedCauses(const std::vector<FileResult>& files) {
  std::map<std::string, int> merged;
  for (const FileResult& file : files) {
    for (const auto& [cause, count] : file.causes) merged[cause] += count;
  }
  std::vector<std::pair<std::string, int>> sorted(merged.begin(), merged.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

void PrintValues(FILE* out, const char* title, const std::vector<std::string>& values) {
  std::fprintf(out, "      %s", title);
  if (values.empty()) std::fprintf(out, " (nothing)");
  for (size_t i = 0; i < values.size() && i < kShownLines; ++i) {
    std::fprintf(out, "%s%s\n", i == 0 ? " " : "                ", values[i].c_str());
  }
  if (values.size() > kShownLines) {
    std::fprintf(out, "                ... %zu more\n", values.size() - kShownLines);
  } else if (values.empty()) {
    std::fprintf(out, "\n");
  }
}

}  // namespace

std::string JsonString(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (byte < 0x20 || byte > 0x7E) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\u%04x", byte);  // bytes, not UTF-8 decoding
      quoted += escape;
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

void Reporter::AddFile(FileResult result) {
  total_failed_ += result.failed;
  if (!json_) {
    PrintFileLine(result);
    if (verbose_) PrintMismatches(result);
    std::fflush(out_);
  }
  result.mismatches.clear();  // only needed for -v, which printed them already
  files_.push_back(std::move(result));
}

void Reporter::PrintFileLine(const FileResult& result) const {
  std::fprintf(out_, "%s  %-40s %7d passed %7d failed %7d skipped %8.2f s\n",
               result.failed == 0 ? "PASS" : "FAIL", result.path.c_str(), result.passed,
               result.failed, result.skipped, result.seconds);
  if (!result.file_error.empty()) {
    std::fprintf(out_, "  cannot run this file: %s\n", result.file_error.c_str());
  }
}

void Reporter::PrintMismatches(const FileResult& result) const {
  if (result.not_preparable > 0) {
    std::fprintf(out_, "  %d records could not be prepared (1295) and ran as text, e.g.:\n",
                 result.not_preparable);
    for (const std::string& sql : result.not_preparable_sql) {
      std::fprintf(out_, "      %s\n", sql.c_str());
    }
  }
  for (const Mismatch& mismatch : result.mismatches) {
    std::fprintf(out_, "  line %d: %s\n", mismatch.line, mismatch.cause.c_str());
    std::string sql = mismatch.sql;
    std::replace(sql.begin(), sql.end(), '\n', ' ');
    std::fprintf(out_, "      SQL:      %s\n", sql.c_str());
    PrintValues(out_, "expected:", mismatch.expected);
    PrintValues(out_, "actual:  ", mismatch.actual);
  }
}

void Reporter::Finish() {
  Totals totals;
  for (const FileResult& file : files_) {
    totals.passed += file.passed;
    totals.failed += file.failed;
    totals.skipped += file.skipped;
    totals.seconds += file.seconds;
  }
  std::vector<std::pair<std::string, int>> causes = SortedCauses(files_);
  int run = totals.passed + totals.failed;
  double percent = run == 0 ? 0.0 : 100.0 * totals.passed / run;
  if (json_) {
    std::fprintf(out_, "{\"files\":[");
    for (size_t i = 0; i < files_.size(); ++i) {
      const FileResult& file = files_[i];
      std::fprintf(out_,
                   "%s\n  {\"file\":%s,\"passed\":%d,\"failed\":%d,\"skipped\":%d,"
                   "\"seconds\":%.3f",
                   i == 0 ? "" : ",", JsonString(file.path).c_str(), file.passed, file.failed,
                   file.skipped, file.seconds);
      if (!file.file_error.empty()) {
        std::fprintf(out_, ",\"error\":%s", JsonString(file.file_error).c_str());
      }
      std::fprintf(out_, "}");
    }
    std::fprintf(out_,
                 "],\n \"total\":{\"files\":%zu,\"passed\":%d,\"failed\":%d,"
                 "\"skipped\":%d,\"seconds\":%.3f,\"pass_percent\":%.2f},\n \"causes\":[",
                 files_.size(), totals.passed, totals.failed, totals.skipped, totals.seconds,
                 percent);
    for (size_t i = 0; i < causes.size(); ++i) {
      std::fprintf(out_, "%s\n  {\"cause\":%s,\"records\":%d}", i == 0 ? "" : ",",
                   JsonString(causes[i].first).c_str(), causes[i].second);
    }
    std::fprintf(out_, "]}\n");
    return;
  }
  std::fprintf(out_,
               "TOTAL %zu files: %d passed, %d failed, %d skipped (%.2f %% of %d run) "
               "in %.2f s\n",
               files_.size(), totals.passed, totals.failed, totals.skipped, percent, run,
               totals.seconds);
  if (!causes.empty()) std::fprintf(out_, "Most frequent failure causes (records):\n");
  for (size_t i = 0; i < causes.size() && i < kShownCauses; ++i) {
    std::fprintf(out_, "  %7d  %s\n", causes[i].second, causes[i].first.c_str());
  }
}

}  // namespace minisql::slt
