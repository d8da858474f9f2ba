// slt_parser.cc — the sqllogictest file parser (see slt_parser.h for the grammar).
#include "sqllogictest/slt_parser.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace minisql::slt {
namespace {

// The file as lines, each without its line terminator ("\n" or "\r\n").
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(line)};
  std::string word;
  while (stream >> word) words.push_back(word);
  return words;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool ParseNumber(const std::string& text, int* out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

// Reads the lines of one record's body starting at `*index` until a blank line (or,
// when `stop_at_separator`, a "----" line, which is consumed). Returns them joined.
std::string ReadBlock(const std::vector<std::string_view>& lines, size_t* index,
                      bool stop_at_separator, bool* saw_separator) {
  std::string block;
  while (*index < lines.size() && !IsBlank(lines[*index])) {
    std::string_view line = lines[*index];
    ++*index;
    if (stop_at_separator && line == "----") {
      *saw_separator = true;
      break;
    }
    if (!block.empty()) block += '\n';
    block += line;
  }
  return block;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lines_(SplitLines(text)) {}

  ParsedFile Parse() {
    ParsedFile result;
    std::vector<Condition> conditions;
    while (index_ < lines_.size()) {
      std::string_view line = lines_[index_];
      int line_number = static_cast<int>(index_) + 1;
      ++index_;
      if (IsBlank(line) || line.front() == '#') continue;
      std::vector<std::string> words = SplitWords(line);
      const std::string& keyword = words[0];
      if (keyword == "skipif" || keyword == "onlyif") {
        if (words.size() < 2) return Error(line_number, keyword + " needs an engine name");
        conditions.push_back(Condition{keyword == "onlyif", words[1]});
        continue;
      }
      Record record;
      record.line = line_number;
      record.conditions = std::move(conditions);
      conditions.clear();
      std::string error;
      if (keyword == "statement") {
        error = ParseStatement(words, &record);
      } else if (keyword == "query") {
        error = ParseQuery(words, &record);
      } else if (keyword == "hash-threshold") {
        record.kind = RecordKind::kHashThreshold;
        if (words.size() != 2 || !ParseNumber(words[1], &record.hash_threshold) ||
            record.hash_threshold < 0) {
          error = "hash-threshold needs a non-negative number";
        }
      } else if (keyword == "halt") {
        record.kind = RecordKind::kHalt;
      } else {
        error = "unknown record type '" + keyword + "'";
      }
      if (!error.empty()) return Error(line_number, error);
      result.records.push_back(std::move(record));
    }
    return result;
  }

 private:
  static ParsedFile Error(int line_number, const std::string& message) {
    ParsedFile result;
    result.error = "line " + std::to_string(line_number) + ": " + message;
    return result;
  }

  std::string ParseStatement(const std::vector<std::string>& words, Record* record) {
    record->kind = RecordKind::kStatement;
    if (words.size() < 2 || (words[1] != "ok" && words[1] != "error")) {
      return "expected 'statement ok' or 'statement error'";
    }
    record->expect_error = words[1] == "error";
    if (record->expect_error && words.size() >= 3) {
      int errno_value = 0;
      if (!ParseNumber(words[2], &errno_value) || errno_value <= 0) {
        return "'statement error' may only be followed by a MySQL error number";
      }
      record->expected_errno = static_cast<unsigned>(errno_value);
    }
    bool unused = false;
    record->sql = ReadBlock(lines_, &index_, /*stop_at_separator=*/false, &unused);
    if (record->sql.empty()) return "statement without SQL";
    return "";
  }

  std::string ParseQuery(const std::vector<std::string>& words, Record* record) {
    record->kind = RecordKind::kQuery;
    if (words.size() < 2) return "query needs column types";
    record->column_types = words[1];
    if (record->column_types.find_first_not_of("IRT") != std::string::npos) {
      return "column types must be letters I, R or T";
    }
    if (words.size() >= 3) {
      if (words[2] == "nosort") {
        record->sort_mode = SortMode::kNoSort;
      } else if (words[2] == "rowsort") {
        record->sort_mode = SortMode::kRowSort;
      } else if (words[2] == "valuesort") {
        record->sort_mode = SortMode::kValueSort;
      } else {
        return "unknown sort mode '" + words[2] + "'";
      }
    }
    if (words.size() >= 4) record->label = words[3];
    record->sql = ReadBlock(lines_, &index_, /*stop_at_separator=*/true, &record->has_expected);
    if (record->sql.empty()) return "query without SQL";
    if (record->has_expected) {
      // Values may be anything (even "#..."), so read them raw up to a blank line.
      while (index_ < lines_.size() && !IsBlank(lines_[index_])) {
        record->expected_values.emplace_back(lines_[index_]);
        ++index_;
      }
    }
    return "";
  }

  std::vector<std::string_view> lines_;
  size_t index_ = 0;
};

}  // namespace

ParsedFile ParseSltText(std::string_view text) {
  return Parser(text).Parse();
}

ParsedFile ParseSltFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ParsedFile result;
    result.error = "cannot open file";
    return result;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return ParseSltText(contents.str());
}

}  // namespace minisql::slt
