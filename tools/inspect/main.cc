// main.cc — minisql-inspect: look inside a minisql data directory, offline.
//
//   minisql-inspect --datadir D tables          every tree: root page, levels, pages, entries
//   minisql-inspect --datadir D tree DB.TABLE   one table's B+ tree level by level
//                                               ("tree catalog" for the catalog)
//   minisql-inspect --datadir D page N          page N decoded field by field
//   minisql-inspect --datadir D wal             the write-ahead log's records
//   minisql-inspect --datadir D check           recovery on an in-memory copy, then every
//                                               B+ tree's integrity check (check_trees.cc)
//
// Meant for students reading docs/storage.md next to a real data file. It only reads:
// both files are opened O_RDONLY, and crash recovery is NOT run on them (the server does that
// at start). Stop the server first: a running server's data file lags behind its log,
// and the inspector says so whenever the log is not empty.
// Exit status: 0 ok, 1 error (printed as "minisql-inspect: ERROR <code>: ..."), 2 usage.
#include <iostream>
#include <string>

#include "inspect/commands.h"
#include "inspect/data_dir.h"

namespace {

int Usage() {
  std::cerr
      << "usage: minisql-inspect --datadir DIR (tables | tree DB.TABLE | page N | wal | check)\n";
  return 2;
}

int Fail(const minisql::Status& status) {
  std::cerr << "minisql-inspect: ERROR " << status.code() << ": " << status.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace minisql::inspect;
  std::string datadir;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--datadir" && i + 1 < argc) {
      datadir = argv[++i];
    } else if (arg.rfind("--datadir=", 0) == 0) {
      datadir = arg.substr(10);
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else {
      args.push_back(arg);
    }
  }
  if (datadir.empty() || args.empty()) return Usage();
  const std::string& command = args[0];
  if ((command == "tree" || command == "page") != (args.size() == 2) ||
      (command != "tree" && command != "page" && args.size() != 1)) {
    return Usage();
  }
  minisql::Result<std::unique_ptr<DataDir>> dir = DataDir::Open(datadir);
  if (!dir.ok()) return Fail(dir.status());
  minisql::Status status;
  if (command == "tables") {
    status = PrintTables(dir->get(), std::cout);
  } else if (command == "tree") {
    status = PrintTree(dir->get(), args[1], std::cout);
  } else if (command == "page") {
    const std::string& n = args[1];
    if (n.empty() || n.size() > 10 || n.find_first_not_of("0123456789") != std::string::npos ||
        std::stoull(n) >= minisql::storage::kInvalidPageId) {
      std::cerr << "minisql-inspect: page number expected, got '" << n << "'\n";
      return 2;
    }
    status = PrintPage(dir->get(), static_cast<PageId>(std::stoull(n)), std::cout);
  } else if (command == "wal") {
    status = PrintWal(dir->get(), std::cout);
  } else if (command == "check") {
    status = CheckTrees(dir->get(), std::cout);
  } else {
    return Usage();
  }
  return status.ok() ? 0 : Fail(status);
}
