// main.cc — the minisql command-line client.
//
// Reads statements (from -e, from a script on stdin, or typed interactively), sends
// each to minisqld's text port and prints the reply. The pieces:
//
//   LineReader ──lines──► StatementSplitter ──statements──► TextClient ──► stdout/stderr
//   (readline or stdin)   (finds the ';')                  (0x00-framed TCP)
//
// Batch mode behaves like `mysql` in batch mode: errors go to stderr as
// "ERROR 1146 (42S02) at line N: ...", the first error stops the script unless
// --force is given, and the exit status is 1 if any statement failed.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "minisql/cli_options.h"
#include "minisql/error_reply.h"
#include "minisql/line_reader.h"
#include "minisql/statement_splitter.h"
#include "minisql/text_client.h"

namespace minisql::cli {
namespace {

constexpr const char* kVersion = "minisql 0.1.0 (text protocol client)";
constexpr const char* kPrompt = "minisql> ";
constexpr const char* kContinuationPrompt = "    -> ";

std::string HistoryFile() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/.minisql_history";
}

void PrintReply(const std::string& reply, std::ostream& out) {
  out << reply;
  if (!reply.empty() && reply.back() != '\n') out << '\n';
  out.flush();
}

/// Makes `database` the session's current database, silently like `mysql DB` does;
/// prints the error and returns false when that fails.
bool UseDatabase(TextClient* client, const std::string& database) {
  if (database.find('`') != std::string::npos) {
    std::cerr << "minisql: invalid database name '" << database << "'\n";
    return false;
  }
  std::string reply;
  std::string error;
  if (!client->Execute("USE `" + database + "`", &reply, &error)) {
    std::cerr << "ERROR 2013 (HY000): " << error << std::endl;
    return false;
  }
  if (IsErrorReply(reply)) {
    PrintReply(reply, std::cerr);
    return false;
  }
  return true;
}

class Session {
 public:
  Session(TextClient* client, const CliOptions& options, bool interactive)
      : client_(client), options_(options), interactive_(interactive) {}

  /// Reads and runs statements until end of input, quit, or a stopping error.
  /// Returns the process exit status.
  int Run(LineReader* reader) {
    StatementSplitter splitter;
    while (true) {
      const char* prompt = splitter.HasPendingText() ? kContinuationPrompt : kPrompt;
      std::optional<std::string> line = reader->ReadLine(prompt);
      if (!line) break;
      if (!splitter.HasPendingText() && IsQuitCommand(*line)) break;
      splitter.AddText(*line);
      splitter.AddText("\n");
      for (const SplitStatement& statement : splitter.TakeStatements()) {
        if (interactive_) reader->AddToHistory(statement.text + ";");
        if (!RunStatement(statement)) return 1;
      }
    }
    if (interactive_) {
      std::cout << "Bye\n";
    } else if (SplitStatement last = splitter.TakeRemainder(); !last.text.empty()) {
      // A script's last statement may lack its ';'.
      if (!RunStatement(last)) return 1;
    }
    return failed_ ? 1 : 0;
  }

  /// Runs one statement and prints its outcome. Returns false when the session must
  /// stop (lost connection, or an error in batch mode without --force).
  bool RunStatement(const SplitStatement& statement) {
    std::string reply;
    std::string error;
    if (!client_->Execute(statement.text, &reply, &error)) {
      std::cerr << "ERROR 2013 (HY000): " << error << std::endl;
      failed_ = true;
      return false;
    }
    if (!IsErrorReply(reply)) {
      PrintReply(reply, std::cout);
      if (interactive_) std::cout << std::endl;
      return true;
    }
    failed_ = true;
    if (interactive_) {
      PrintReply(reply, std::cerr);
      std::cout << std::endl;
      return true;
    }
    PrintReply(WithLineNumber(reply, statement.first_line), std::cerr);
    return options_.force;
  }

 private:
  TextClient* client_;
  const CliOptions& options_;
  bool interactive_;
  bool failed_ = false;
};

int Main(int argc, char** argv) {
  CliOptions options;
  std::string error;
  if (!ParseCliOptions(std::vector<std::string>(argv + 1, argv + argc), &options, &error)) {
    std::cerr << "minisql: " << error << "\nTry 'minisql --help'.\n";
    return 2;
  }
  if (options.show_help) {
    std::cout << CliUsage();
    return 0;
  }
  if (options.show_version) {
    std::cout << kVersion << "\n";
    return 0;
  }

  std::unique_ptr<TextClient> client = TextClient::Connect(options.host, options.port, &error);
  if (client == nullptr) {
    std::cerr << "ERROR 2003 (HY000): " << error << std::endl;
    return 1;
  }

  const bool interactive = !options.has_execute && isatty(STDIN_FILENO);
  Session session(client.get(), options, interactive);
  if (!options.database.empty() && !UseDatabase(client.get(), options.database)) return 1;

  if (options.has_execute) {
    std::istringstream text(options.execute);
    return session.Run(MakeStreamReader(text).get());
  }
  if (interactive) {
    std::cout << "Welcome to the minisql monitor. Statements end with ';'.\n"
              << "Connected to " << options.host << ":" << options.port
              << " (text protocol). Type 'quit' or Ctrl-D to leave.\n\n";
    return session.Run(MakeTerminalReader(HistoryFile()).get());
  }
  return session.Run(MakeStreamReader(std::cin).get());
}

}  // namespace
}  // namespace minisql::cli

int main(int argc, char** argv) {
  return minisql::cli::Main(argc, argv);
}
