// file_runner.h — runs the records of one sqllogictest file against a server.
//
// Each file gets a fresh connection and a fresh database (<prefix><file stem>),
// dropped again at the end. Records run in order; every statement or query record
// ends as exactly one of passed / failed / skipped (skipped = ruled out by
// skipif/onlyif for our engine). The runner survives a misbehaving server:
//
//   state        event                                  next state
//   ----------   ------------------------------------   ---------------------------
//   connected    record ends with a connection error    (record fails) reconnecting
//                (server crashed, or the read timeout
//                expired: the statement hung)
//   reconnecting server answers within the wait window  connected (KILLs the hung
//                                                        statement's connection, USE db)
//   reconnecting no answer within the wait window,       down
//                or the file's max_timeouts-th timeout
//   down         any statement or query record          record fails, "server down"
//
// The next file starts over with a new connection attempt.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sqllogictest/mysql_client.h"
#include "sqllogictest/slt_record.h"

namespace minisql::slt {

/// How statement and query records reach the server.
enum class ProtocolMode {
  kText,      // COM_QUERY (the default)
  kPrepared,  // COM_STMT_PREPARE + EXECUTE + binary rows (--prepared)
  // Statements prepared; each query both ways, and any difference between the text and
  // the binary result fails the record (--compare-protocols).
  kCompare,
};

struct RunOptions {
  std::string engine = "mysql";  // the name skipif/onlyif compare with
  std::string database_prefix = "slt_";
  size_t kept_mismatches = 5;           // per file, for -v
  unsigned reconnect_wait_seconds = 5;  // how long to wait for a server to come back
  unsigned max_timeouts = 3;  // per file; then the server counts as down (it may be stuck)
  ProtocolMode protocol = ProtocolMode::kText;
};

/// One failed record, kept for -v.
struct Mismatch {
  int line = 0;
  std::string sql;
  std::string cause;
  std::vector<std::string> expected;
  std::vector<std::string> actual;
};

struct FileResult {
  std::string path;
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  double seconds = 0;
  std::string file_error;             // the file could not be read or parsed
  std::vector<Mismatch> mismatches;   // the first RunOptions::kept_mismatches failures
  std::map<std::string, int> causes;  // failure cause -> number of failed records
  // Prepared modes: records the server refused to prepare (1295), run as text instead.
  int not_preparable = 0;
  std::vector<std::string> not_preparable_sql;  // the first few, for -v
};

class FileRunner {
 public:
  FileRunner(ServerAddress address, RunOptions options);

  FileResult Run(const std::string& path);

 private:
  enum class ConnectionState { kConnected, kDown };

  // Connects (retrying for the wait window) and, if `fresh`, recreates the database.
  // Returns the error text when the server could not be reached or set up.
  std::string OpenSession(bool fresh);
  void RunStatement(const Record& record, FileResult* result);
  void RunQuery(const Record& record, FileResult* result);
  // Executes and, on a lost connection, fails the record and tries to reconnect.
  // Returns false when the record already failed that way.
  bool ExecuteChecked(const Record& record, SqlOutcome* outcome, FileResult* result, bool prepared);
  // ExecutePrepared, falling back to text for what the server cannot prepare (1295).
  SqlOutcome ExecuteAsPrepared(const Record& record, FileResult* result);
  // --compare-protocols: fails the record and returns false when `text` and `binary`
  // (the same query run both ways) differ.
  bool SameOverBothProtocols(const Record& record, const SqlOutcome& text, const SqlOutcome& binary,
                             FileResult* result);
  void Fail(const Record& record, const std::string& cause, std::vector<std::string> expected,
            std::vector<std::string> actual, FileResult* result);
  std::string CauseOf(const SqlOutcome& outcome) const;

  ServerAddress address_;
  RunOptions options_;
  MysqlClient client_;
  // Per-file state.
  ConnectionState state_ = ConnectionState::kDown;
  std::string down_reason_;
  std::string database_;
  int hash_threshold_ = 0;
  unsigned timeouts_ = 0;
  std::map<std::string, std::string> label_hashes_;  // label -> "N values hashing to md5"
};

/// The database a file runs in: prefix + the file's stem, reduced to [A-Za-z0-9_].
std::string DatabaseNameFor(const std::string& prefix, const std::string& path);

}  // namespace minisql::slt
