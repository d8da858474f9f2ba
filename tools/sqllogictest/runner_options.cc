// runner_options.cc — command-line parsing and test-file discovery (see runner_options.h).
#include "sqllogictest/runner_options.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

namespace minisql::slt {
namespace {

bool ParseUnsigned(const std::string& text, unsigned* out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

// Adds `path` (a file) or every *.test below it (a directory), sorted.
bool AddTestFiles(const std::string& path, std::vector<std::string>* files, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code code;
  if (fs::is_regular_file(path, code)) {
    files->push_back(path);
    return true;
  }
  if (!fs::is_directory(path, code)) {
    *error = "no such file or directory: " + path;
    return false;
  }
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(path, code), end; !code && it != end;
       it.increment(code)) {
    if (it->is_regular_file(code) && it->path().extension() == ".test") {
      found.push_back(it->path().string());
    }
  }
  if (code) {
    *error = "cannot read directory " + path + ": " + code.message();
    return false;
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
  return true;
}

}  // namespace

const char* RunnerUsage() {
  return "usage: minisql-sqllogictest [options] FILE_OR_DIRECTORY...\n"
         "Runs sqllogictest files against a MySQL-protocol server (minisqld, MariaDB, MySQL).\n"
         "  -h HOST                server address (default 127.0.0.1)\n"
         "  -P PORT                server port (default 3306)\n"
         "  -u USER                user (default root)\n"
         "  -p PASSWORD            password (default none)\n"
         "  --engine NAME          name matched by skipif/onlyif (default mysql)\n"
         "  --database-prefix P    each file runs in database P<file stem> (default slt_)\n"
         "  --timeout S            per-statement read timeout in seconds (default 30)\n"
         "  --reconnect-wait S     how long to wait for a lost server (default 5)\n"
         "  --max-timeouts N       per file; after N timeouts the server counts as down (3)\n"
         "  --json                 print one JSON document instead of text\n"
         "  -v                     print each file's first mismatches\n"
         "  --max-mismatches N     mismatches kept per file for -v (default 5)\n"
         "  --no-fail              exit 0 even when records fail\n"
         "  --prepared             run every record as a prepared statement (binary\n"
         "                         protocol); what the server cannot prepare (1295) as text\n"
         "  --compare-protocols    statements prepared, queries both ways: a difference\n"
         "                         between text and binary results fails the record\n"
         "  --help                 this text\n"
         "Exit status: 0 when no record failed, 1 when some did, 2 on usage errors.\n";
}

bool ParseRunnerOptions(int argc, char** argv, RunnerOptions* options, std::string* error) {
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    // Flags with a value take it from the next argument or after '=' (--timeout=5).
    std::string name = arg, value;
    bool has_inline_value = false;
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
      name = arg.substr(0, arg.find('='));
      value = arg.substr(arg.find('=') + 1);
      has_inline_value = true;
    }
    auto take_value = [&]() -> bool {
      if (has_inline_value) return true;
      if (i + 1 >= argc) {
        *error = name + " needs a value";
        return false;
      }
      value = argv[++i];
      return true;
    };
    auto take_number = [&](unsigned* out) -> bool {
      if (!take_value()) return false;
      if (!ParseUnsigned(value, out)) {
        *error = name + " needs a number, not '" + value + "'";
        return false;
      }
      return true;
    };
    unsigned number = 0;
    if (name == "--help") {
      options->help = true;
    } else if (name == "-h" || name == "--host") {
      if (!take_value()) return false;
      options->address.host = value;
    } else if (name == "-P" || name == "--port") {
      if (!take_number(&options->address.port)) return false;
    } else if (name == "-u" || name == "--user") {
      if (!take_value()) return false;
      options->address.user = value;
    } else if (name == "-p" || name == "--password") {
      if (!take_value()) return false;
      options->address.password = value;
    } else if (name == "--engine") {
      if (!take_value()) return false;
      options->run.engine = value;
    } else if (name == "--database-prefix") {
      if (!take_value()) return false;
      options->run.database_prefix = value;
    } else if (name == "--timeout") {
      if (!take_number(&options->address.timeout_seconds)) return false;
    } else if (name == "--reconnect-wait") {
      if (!take_number(&options->run.reconnect_wait_seconds)) return false;
    } else if (name == "--max-timeouts") {
      if (!take_number(&options->run.max_timeouts)) return false;
    } else if (name == "--max-mismatches") {
      if (!take_number(&number)) return false;
      options->run.kept_mismatches = number;
    } else if (name == "--json") {
      options->json = true;
    } else if (name == "-v" || name == "--verbose") {
      options->verbose = true;
    } else if (name == "--no-fail") {
      options->no_fail = true;
    } else if (name == "--prepared") {
      options->run.protocol = ProtocolMode::kPrepared;
    } else if (name == "--compare-protocols") {
      options->run.protocol = ProtocolMode::kCompare;
    } else if (!arg.empty() && arg[0] == '-') {
      *error = "unknown option " + arg;
      return false;
    } else {
      paths.push_back(arg);
    }
  }
  if (options->help) return true;
  if (paths.empty()) {
    *error = "no test files given";
    return false;
  }
  for (const std::string& path : paths) {
    if (!AddTestFiles(path, &options->files, error)) return false;
  }
  return true;
}

}  // namespace minisql::slt
