// cli_options.cc — see cli_options.h.
#include "minisql/cli_options.h"

#include <charconv>

namespace minisql::cli {
namespace {

bool ParsePort(const std::string& text, uint16_t* port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535) {
    return false;
  }
  *port = static_cast<uint16_t>(value);
  return true;
}

}  // namespace

bool ParseCliOptions(const std::vector<std::string>& args, CliOptions* options,
                     std::string* error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    // A flag's value: "--name=value", "-xvalue" or the next argument.
    auto value_of = [&](const std::string& long_name, char short_name, std::string* value) -> bool {
      const std::string long_prefix = "--" + long_name + "=";
      if (arg.starts_with(long_prefix)) {
        *value = arg.substr(long_prefix.size());
        return true;
      }
      const bool is_long = arg == "--" + long_name;
      const bool is_short = arg.size() >= 2 && arg[0] == '-' && arg[1] == short_name;
      if (!is_long && !is_short) return false;
      if (is_short && arg.size() > 2) {
        *value = arg.substr(2);
        return true;
      }
      if (i + 1 >= args.size()) {
        *error = "option '" + arg + "' requires an argument";
        value->clear();
        return true;
      }
      *value = args[++i];
      return true;
    };

    std::string value;
    if (arg == "--help" || arg == "-?") {
      options->show_help = true;
    } else if (arg == "--version" || arg == "-V") {
      options->show_version = true;
    } else if (arg == "--force" || arg == "-f") {
      options->force = true;
    } else if (value_of("host", 'h', &value)) {
      options->host = value;
    } else if (value_of("port", 'P', &value)) {
      if (error->empty() && !ParsePort(value, &options->port)) {
        *error = "invalid port '" + value + "'";
      }
    } else if (value_of("execute", 'e', &value)) {
      options->execute = value;
      options->has_execute = true;
    } else if (value_of("database", 'D', &value)) {
      options->database = value;
    } else if (!arg.starts_with("-") && options->database.empty()) {
      options->database = arg;  // like mysql: a bare argument names the database
    } else {
      *error = "unknown option '" + arg + "'";
    }
    if (!error->empty()) return false;
  }
  return true;
}

std::string CliUsage() {
  return "Usage: minisql [OPTIONS] [DATABASE]\n"
         "Client for minisqld's text protocol: sends each statement, prints the reply.\n"
         "\n"
         "  -h, --host=HOST      server host (default 127.0.0.1)\n"
         "  -P, --port=PORT      server text-protocol port (default 6789)\n"
         "  -D, --database=DB    run USE DB after connecting\n"
         "  -e, --execute=SQL    run the statements in SQL and exit\n"
         "  -f, --force          continue after an error (batch mode)\n"
         "  -V, --version        print the version and exit\n"
         "  -?, --help           print this help and exit\n"
         "\n"
         "Without -e, statements are read from stdin; when stdin is a terminal the\n"
         "session is interactive (line editing, history in ~/.minisql_history).\n"
         "Statements end with ';'. quit, exit or Ctrl-D leaves.\n"
         "Exit status: 0 when every statement succeeded, 1 otherwise.\n";
}

}  // namespace minisql::cli
