// mysql_client.h — the runner's one connection to the server under test.
//
// A thin wrapper over MariaDB Connector/C (libmariadb): connect, run one SQL text,
// collect its rows as text, report errors as values. It knows nothing about
// sqllogictest; it is kept apart so the runner reads as test logic, not C API calls.
//
// Errors here come from whatever server we talk to (minisqld, MariaDB, MySQL), so
// they are carried as the raw MySQL error number and message, not as minisql's own
// error table. Client-side error numbers (2000-2999) mean the connection itself
// failed; IsConnectionLost() tells the runner to reconnect:
//
//   2002/2003  cannot connect       2006  server has gone away
//   2013       lost connection during query (also: the read timeout expired)
//   2055       lost connection (system error)
#pragma once

#include <mysql.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sqllogictest/result_format.h"

namespace minisql::slt {

struct ServerAddress {
  std::string host = "127.0.0.1";
  unsigned port = 3306;
  std::string user = "root";
  std::string password;
  unsigned timeout_seconds = 30;  // connect timeout and per-statement read timeout
};

/// The outcome of one SQL text: an error, or success with an optional result set.
struct SqlOutcome {
  unsigned error_code = 0;  // 0 when the statement succeeded
  std::string error_message;
  bool has_result_set = false;
  size_t column_count = 0;
  std::vector<RawRow> rows;
  /// ExecutePrepared only: the server cannot prepare this statement (1295), so the
  /// caller may run it as text instead.
  bool not_preparable = false;

  /// A failure found on the client side (CR_* codes of errmsg.h).
  static SqlOutcome ClientError(unsigned code, std::string message) {
    SqlOutcome outcome;
    outcome.error_code = code;
    outcome.error_message = std::move(message);
    return outcome;
  }

  bool ok() const { return error_code == 0; }
  /// "ERROR 1146: Table 'x.t' doesn't exist" (the mysql client's shape, sans SQLSTATE).
  std::string ErrorText() const;
  /// True when the error means the connection is gone (see the table above).
  bool IsConnectionLost() const;
};

class MysqlClient {
 public:
  explicit MysqlClient(ServerAddress address) : address_(std::move(address)) {}
  ~MysqlClient() { Close(); }
  MysqlClient(const MysqlClient&) = delete;
  MysqlClient& operator=(const MysqlClient&) = delete;

  /// Opens a new connection (closing any old one). On failure the outcome holds the error.
  SqlOutcome Connect();
  bool connected() const { return handle_ != nullptr; }
  /// The server's id for this connection (for KILL after a timeout); 0 when closed.
  unsigned long thread_id() const { return thread_id_; }

  /// Runs one SQL text and collects all its rows as text.
  SqlOutcome Execute(const std::string& sql);
  /// Runs one SQL text as a prepared statement (binary protocol) and collects its rows
  /// as text, converted by the client library (mysql_client_stmt.cc).
  SqlOutcome ExecutePrepared(const std::string& sql);

  void Close();

 private:
  ServerAddress address_;
  MYSQL* handle_ = nullptr;
  unsigned long thread_id_ = 0;
};

}  // namespace minisql::slt
