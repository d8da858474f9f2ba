// options.h — minisqld's command line, parsed the way mysqld parses its own.
//
//   --datadir=DIR  --port=N  --bind-address=ADDR  --socket=PATH  --text-port=N
//   --buffer-pool-size=N[K|M|G]  --max-connections=N  --max-allowed-packet=N[K|M|G]
//   --worker-threads=N  --ssl-cert=FILE  --ssl-key=FILE  --ssl-ca=FILE  --skip-ssl
//   --require-secure-transport[=ON|OFF]  --connect-timeout=N  --help  --version
//
// Both "--flag=value" and "--flag value" are accepted; '_' and '-' are interchangeable
// in flag names, as in mysqld. Anything unknown or malformed is an error naming the flag.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "session/server_context.h"

namespace minisql {

struct CommandLine {
  ServerOptions options;
  bool show_help = false;
  bool show_version = false;
};

/// Parses argv[1..]. Errors are ER_WRONG_ARGUMENTS-style Statuses with a readable message.
Result<CommandLine> ParseCommandLine(const std::vector<std::string>& args);

/// "Usage: minisqld [OPTIONS]" and one line per flag with its default.
std::string UsageText();

/// "minisqld  Ver 0.1.0 ..."
std::string VersionText();

/// "64M" -> 67108864; suffixes K, M, G (either case). Fails on garbage or overflow.
Result<uint64_t> ParseSize(const std::string& text);

}  // namespace minisql
