// statement_splitter.h — cuts the text a user types into SQL statements.
//
// The minisql CLI sends one statement per request, so it must find where each
// statement ends before sending anything. A statement ends at a ';' that is not
// inside a quoted string ('...', "..."), a quoted identifier (`...`) or a comment
// (-- ..., # ..., /* ... */). Input arrives a line at a time (interactive mode) or
// all at once (-e, stdin); both feed the same splitter:
//
//   StatementSplitter splitter;
//   splitter.AddText("SELECT 'a;b'\n");   // no complete statement yet
//   splitter.AddText("FROM t; SELECT 2;"); // two complete statements
//   for (SplitStatement& s : splitter.TakeStatements()) ...
//   splitter.HasPendingText();            // true while a statement is unfinished
//
// The scanner is a small state machine over the characters:
//
//   kCode ──'──► kSingleQuote ──'──► kCode      (\x escapes one character)
//   kCode ──"──► kDoubleQuote ──"──► kCode      (\x escapes one character)
//   kCode ──`──► kBacktick    ──`──► kCode      (no escapes; `` is two toggles)
//   kCode ──-- ─► kLineComment ──\n──► kCode    ('--' must be followed by a space or end)
//   kCode ──#──► kLineComment
//   kCode ──/*─► kBlockComment ──*/──► kCode     (/*! and /*M! go to kHintComment)
//   kCode ──;──► statement complete
//
// A doubled quote ('it''s') needs no special case: it closes and reopens the string.
// Like the mysql client, plain comments are removed from the text sent to the server,
// while /*! ... */ and /*M! ... */ (version-conditional SQL that mysqldump writes) are
// kept. A statement made only of comments and blanks is dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minisql::cli {

/// One complete statement, without its terminating ';' and surrounding blanks.
struct SplitStatement {
  std::string text;
  int first_line = 1;  // 1-based input line where the statement's first character is

  bool operator==(const SplitStatement&) const = default;
};

class StatementSplitter {
 public:
  /// Appends input text (any number of lines, newlines included).
  void AddText(std::string_view text);

  /// The statements completed so far, in order; they are removed from the splitter.
  std::vector<SplitStatement> TakeStatements();

  /// True when some text of an unfinished statement is buffered (the CLI then shows
  /// the continuation prompt). Blanks and comments alone do not count.
  bool HasPendingText() const { return has_content_; }

  /// The unfinished statement at end of input (a last statement without ';'), or an
  /// empty text when there is none. Clears the buffer.
  SplitStatement TakeRemainder();

 private:
  enum class State {
    kCode,
    kSingleQuote,
    kDoubleQuote,
    kBacktick,
    kLineComment,
    kBlockComment,  // /* ... */: dropped
    kHintComment,   // /*! ... */ or /*M! ... */: kept, the server executes its content
  };

  /// Scans as much of input_ as possible; at end of input nothing waits for more.
  void ScanInput(bool end_of_input);
  /// Handles the character at in[0]; returns how many characters it consumed, or 0
  /// when it must see a character that has not arrived yet.
  size_t Step(std::string_view in, bool end_of_input);
  void MarkContent();
  void FinishStatement();
  std::string Trimmed() const;

  std::string input_;  // received text not scanned yet (waits for a lookahead character)
  State state_ = State::kCode;
  std::string current_;       // text of the statement being read
  bool has_content_ = false;  // current_ holds something besides blanks/comments
  bool escape_next_ = false;  // the previous character was a backslash inside a string
  int line_ = 1;              // line of the character being scanned
  int first_line_ = 1;        // line of current_'s first non-blank character
  std::vector<SplitStatement> done_;
};

/// Convenience: splits complete input text; a final statement without ';' is kept.
std::vector<SplitStatement> SplitStatements(std::string_view text);

}  // namespace minisql::cli
