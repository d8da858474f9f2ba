// main.cc — minisql-sqllogictest: runs sqllogictest files against a MySQL-protocol server.
//
// The pieces: runner_options (command line) -> slt_parser (file -> records) ->
// file_runner (records -> server via mysql_client, results compared with
// result_format) -> report (text or JSON). See docs/conformance.md for how the
// project uses it: the SQLite corpus for conformance figures, test/sql/ for regressions.
#include <mysql.h>

#include <cstdio>
#include <string>

#include "sqllogictest/file_runner.h"
#include "sqllogictest/report.h"
#include "sqllogictest/runner_options.h"

int main(int argc, char** argv) {
  using minisql::slt::FileRunner;
  minisql::slt::RunnerOptions options;
  std::string error;
  if (!minisql::slt::ParseRunnerOptions(argc, argv, &options, &error)) {
    std::fprintf(stderr, "minisql-sqllogictest: %s\n%s", error.c_str(),
                 minisql::slt::RunnerUsage());
    return 2;
  }
  if (options.help) {
    std::fputs(minisql::slt::RunnerUsage(), stdout);
    return 0;
  }
  if (mysql_library_init(0, nullptr, nullptr) != 0) {
    std::fprintf(stderr, "minisql-sqllogictest: cannot initialise the client library\n");
    return 2;
  }
  minisql::slt::Reporter reporter(options.json, options.verbose, stdout);
  FileRunner runner(options.address, options.run);
  for (const std::string& file : options.files) reporter.AddFile(runner.Run(file));
  reporter.Finish();
  mysql_library_end();
  return reporter.total_failed() == 0 || options.no_fail ? 0 : 1;
}
