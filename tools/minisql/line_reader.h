// line_reader.h — where the minisql CLI gets its input lines from.
//
// Interactive sessions (stdin is a terminal) read through GNU readline, which gives
// line editing and a history kept in ~/.minisql_history across sessions. Scripts
// (stdin redirected, or the text of -e) are read line by line from a stream. The
// CLI's main loop does not care which one it has.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace minisql::cli {

class LineReader {
 public:
  virtual ~LineReader() = default;
  /// The next line without its newline, or nullopt at end of input (Ctrl-D).
  /// `prompt` is shown only by the terminal reader.
  virtual std::optional<std::string> ReadLine(const std::string& prompt) = 0;
  /// Remembers a complete statement for the up-arrow (terminal reader only).
  virtual void AddToHistory(const std::string& /*entry*/) {}
};

/// A readline-backed reader; history is loaded from and saved to `history_file`
/// ("" = keep no history file).
std::unique_ptr<LineReader> MakeTerminalReader(std::string history_file);

/// Reads lines from `in`, which must outlive the reader.
std::unique_ptr<LineReader> MakeStreamReader(std::istream& in);

}  // namespace minisql::cli
