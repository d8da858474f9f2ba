// main.cc — minisqld: parse flags, open the data directory, serve, shut down cleanly.
//
//   minisqld --datadir=/var/lib/minisql --port=3306 --text-port=6789
//
// Wiring, bottom-up: ServerContext::Open (storage engine, accounts) → net::Server
// (listeners, event loop, worker pool) → Run until SIGINT/SIGTERM. After Run returns
// every connection is closed and every worker joined; destroying the ServerContext
// then checkpoints the storage engine, so a clean shutdown leaves no log to replay.
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common/log.h"
#include "net/server.h"
#include "server/options.h"
#include "session/server_context.h"

int main(int argc, char** argv) {
  using namespace minisql;
  std::vector<std::string> args(argv + 1, argv + argc);
  Result<CommandLine> command_line = ParseCommandLine(args);
  if (!command_line.ok()) {
    std::fprintf(stderr, "minisqld: %s\n(run 'minisqld --help' for the list of options)\n",
                 command_line.status().message().c_str());
    return 1;
  }
  if (command_line->show_help) {
    std::fputs(UsageText().c_str(), stdout);
    return 0;
  }
  if (command_line->show_version) {
    std::fputs(VersionText().c_str(), stdout);
    return 0;
  }
  const ServerOptions& options = command_line->options;

  // A client that disconnects while we write must not kill the server; libuv reports
  // the failed write as an error instead.
  std::signal(SIGPIPE, SIG_IGN);

  Result<std::unique_ptr<ServerContext>> context = ServerContext::Open(options);
  if (!context.ok()) {
    LogError("minisqld: cannot open data directory '%s': %s", options.datadir.c_str(),
             context.status().ToString().c_str());
    return 1;
  }
  {
    net::Server server(context->get(), options);
    Status status = server.Listen();
    if (!status.ok()) {
      LogError("minisqld: %s", status.message().c_str());
      return 1;
    }
    status = server.Run();  // returns after SIGINT/SIGTERM, once all connections closed
    if (!status.ok()) {
      LogError("minisqld: %s", status.message().c_str());
      return 1;
    }
  }
  context->reset();  // checkpoints the storage engine
  LogInfo("minisqld: shutdown complete");
  return 0;
}
