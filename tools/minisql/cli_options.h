// cli_options.h — the minisql CLI's command line, parsed into a struct.
//
// The flags follow the mysql client's where they overlap (-h, -P, -e, -D, -f), so
// that muscle memory carries over:
//
//   minisql [-h HOST] [-P PORT] [-D DB | DB] [-e "STATEMENTS"] [-f] [--help] [--version]
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace minisql::cli {

struct CliOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 6789;  // minisqld's default --text-port
  std::string database;  // sent as USE <database> after connecting, if set
  std::string execute;   // statements given with -e
  bool has_execute = false;
  bool force = false;  // keep going after an error in batch mode
  bool show_help = false;
  bool show_version = false;
};

/// Parses argv. Returns false and sets *error for an unknown flag or a bad value.
bool ParseCliOptions(const std::vector<std::string>& args, CliOptions* options, std::string* error);

/// The --help text.
std::string CliUsage();

}  // namespace minisql::cli
