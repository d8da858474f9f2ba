// statement_splitter.cc — the scanner behind StatementSplitter (see the header for
// the state machine).
//
// Some transitions need to see the next character ('-' may start "-- ", '/' may
// start "/*", '*' may end "*/"). When such a character is the last one received,
// scanning stops there and resumes once more text arrives (or at end of input), so
// feeding the text in any number of pieces gives the same statements.
#include "minisql/statement_splitter.h"

#include <cctype>

namespace minisql::cli {
namespace {

bool IsBlank(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

void StatementSplitter::AddText(std::string_view text) {
  input_.append(text);
  ScanInput(/*end_of_input=*/false);
}

std::vector<SplitStatement> StatementSplitter::TakeStatements() {
  std::vector<SplitStatement> out;
  out.swap(done_);
  return out;
}

SplitStatement StatementSplitter::TakeRemainder() {
  ScanInput(/*end_of_input=*/true);
  SplitStatement rest;
  if (has_content_) rest = {Trimmed(), first_line_};
  current_.clear();
  has_content_ = false;
  state_ = State::kCode;
  escape_next_ = false;
  return rest;
}

std::string StatementSplitter::Trimmed() const {
  size_t begin = 0;
  size_t end = current_.size();
  while (begin < end && IsBlank(current_[begin])) ++begin;
  while (end > begin && IsBlank(current_[end - 1])) --end;
  return current_.substr(begin, end - begin);
}

void StatementSplitter::MarkContent() {
  if (!has_content_) first_line_ = line_;
  has_content_ = true;
}

void StatementSplitter::FinishStatement() {
  if (has_content_) done_.push_back({Trimmed(), first_line_});
  current_.clear();
  has_content_ = false;
}

void StatementSplitter::ScanInput(bool end_of_input) {
  size_t i = 0;
  while (i < input_.size()) {
    size_t consumed = Step(std::string_view(input_).substr(i), end_of_input);
    if (consumed == 0) break;  // needs the next character, which has not arrived yet
    for (size_t k = i; k < i + consumed; ++k) {
      if (input_[k] == '\n') ++line_;
    }
    i += consumed;
  }
  input_.erase(0, i);
}

size_t StatementSplitter::Step(std::string_view in, bool end_of_input) {
  const char c = in[0];
  const bool have_next = in.size() > 1;
  const char next = have_next ? in[1] : '\0';

  switch (state_) {
    case State::kSingleQuote:
    case State::kDoubleQuote: {
      current_ += c;
      const char quote = state_ == State::kSingleQuote ? '\'' : '"';
      if (escape_next_) {
        escape_next_ = false;
      } else if (c == '\\') {
        escape_next_ = true;
      } else if (c == quote) {
        state_ = State::kCode;
      }
      return 1;
    }
    case State::kBacktick:
      current_ += c;
      if (c == '`') state_ = State::kCode;
      return 1;
    case State::kLineComment:
      // Comments are not sent to the server; the newline is kept as a separator.
      if (c == '\n') {
        current_ += c;
        state_ = State::kCode;
      }
      return 1;
    case State::kBlockComment:
      if (c == '*' && !have_next && !end_of_input) return 0;
      if (c == '*' && next == '/') {
        state_ = State::kCode;  // the comment was replaced by one blank when it began
        return 2;
      }
      return 1;
    case State::kHintComment:  // /*! ... */ is kept: it is SQL the server should run
      current_ += c;
      if (c == '*' && !have_next && !end_of_input) {
        current_.pop_back();
        return 0;
      }
      if (c == '*' && next == '/') {
        current_ += '/';
        state_ = State::kCode;
        return 2;
      }
      return 1;
    case State::kCode:
      break;
  }

  // kCode.
  if (c == '-') {
    if (!end_of_input && !have_next) return 0;
    if (next == '-' && !end_of_input && in.size() < 3) return 0;  // "--" needs one more
    if (next == '-' && (in.size() == 2 || IsBlank(in[2]))) {
      state_ = State::kLineComment;
      return 2;
    }
  } else if (c == '/') {
    if (!end_of_input && !have_next) return 0;
    if (next == '*') {
      // "/*!" and "/*M!" need up to two more characters to be told apart from "/*".
      if (!end_of_input && in.size() < 4) return 0;
      const bool hint =
          (in.size() > 2 && in[2] == '!') || (in.size() > 3 && in[2] == 'M' && in[3] == '!');
      if (hint) {
        MarkContent();
        current_ += "/*";
        state_ = State::kHintComment;
      } else {
        current_ += ' ';
        state_ = State::kBlockComment;
      }
      return 2;
    }
  } else if (c == '#') {
    state_ = State::kLineComment;
    return 1;
  } else if (c == ';') {
    FinishStatement();
    return 1;
  } else if (c == '\'') {
    state_ = State::kSingleQuote;
  } else if (c == '"') {
    state_ = State::kDoubleQuote;
  } else if (c == '`') {
    state_ = State::kBacktick;
  }
  if (!IsBlank(c)) MarkContent();
  current_ += c;
  return 1;
}

std::vector<SplitStatement> SplitStatements(std::string_view text) {
  StatementSplitter splitter;
  splitter.AddText(text);
  std::vector<SplitStatement> statements = splitter.TakeStatements();
  SplitStatement rest = splitter.TakeRemainder();
  if (!rest.text.empty()) statements.push_back(std::move(rest));
  return statements;
}

}  // namespace minisql::cli
