// runner_options.h — the command line of minisql-sqllogictest.
//
//   minisql-sqllogictest [-h host] [-P port] [-u user] [-p password]
//                        [--engine NAME] [--database-prefix P] [--timeout S]
//                        [--reconnect-wait S] [--max-timeouts N] [--json] [-v] [--max-mismatches N]
//                        [--no-fail] [--prepared | --compare-protocols] FILE_OR_DIRECTORY...
//
// Directories are searched recursively for *.test files, run in sorted order.
#pragma once

#include <string>
#include <vector>

#include "sqllogictest/file_runner.h"
#include "sqllogictest/mysql_client.h"

namespace minisql::slt {

struct RunnerOptions {
  ServerAddress address;
  RunOptions run;
  bool json = false;
  bool verbose = false;
  bool no_fail = false;  // exit 0 even when records fail (for measuring)
  bool help = false;
  std::vector<std::string> files;  // expanded: directories replaced by their *.test files
};

/// Parses argv. On a usage error returns false with `*error` set.
bool ParseRunnerOptions(int argc, char** argv, RunnerOptions* options, std::string* error);

/// The usage text.
const char* RunnerUsage();

}  // namespace minisql::slt
