// line_reader.cc — the readline-backed and the plain-stream LineReader.
#include "minisql/line_reader.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <cstdlib>
#include <utility>

namespace minisql::cli {
namespace {

constexpr int kHistoryLimit = 1000;  // entries kept in the history file

class TerminalReader : public LineReader {
 public:
  explicit TerminalReader(std::string history_file) : history_file_(std::move(history_file)) {
    rl_readline_name = "minisql";
    // Tab inserts a tab instead of completing file names, which means nothing in SQL.
    rl_bind_key('\t', rl_insert);
    using_history();
    stifle_history(kHistoryLimit);
    if (!history_file_.empty()) read_history(history_file_.c_str());  // absent on first run
  }

  ~TerminalReader() override {
    if (!history_file_.empty()) write_history(history_file_.c_str());
  }

  std::optional<std::string> ReadLine(const std::string& prompt) override {
    char* raw = readline(prompt.c_str());
    if (raw == nullptr) return std::nullopt;
    std::string line(raw);
    std::free(raw);  // readline allocates with malloc
    return line;
  }

  void AddToHistory(const std::string& entry) override { add_history(entry.c_str()); }

 private:
  std::string history_file_;
};

class StreamReader : public LineReader {
 public:
  explicit StreamReader(std::istream& in) : in_(in) {}

  std::optional<std::string> ReadLine(const std::string& /*prompt*/) override {
    std::string line;
    if (!std::getline(in_, line)) return std::nullopt;
    return line;
  }

 private:
  std::istream& in_;
};

}  // namespace

std::unique_ptr<LineReader> MakeTerminalReader(std::string history_file) {
  return std::make_unique<TerminalReader>(std::move(history_file));
}

std::unique_ptr<LineReader> MakeStreamReader(std::istream& in) {
  return std::make_unique<StreamReader>(in);
}

}  // namespace minisql::cli
