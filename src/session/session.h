// session.h — one client's conversation with the database, whatever protocol it speaks.
//
// Both front ends (the MySQL protocol and the text protocol) decode their bytes into
// calls on a Session and encode what it reports through a ResultSink. Everything after
// decoding — parsing, binding, planning, executing, session variables, the current
// database — is shared.
//
//   net/mysql/  ─┐                         ┌─► sql/ (parse → bind → plan → execute)
//                ├─► Session::ExecuteQuery ┤
//   net/text/   ─┘   (or ExecutePrepared)  └─► ResultSink (back to the front end)
//
// Threading: a Session is used by one thread at a time. The network layer runs
// ExecuteQuery on a worker thread, never on the event loop, so a long statement does
// not stall other connections.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"
#include "session/server_context.h"
#include "session/session_registry.h"
#include "types/charset.h"

namespace minisql {

class SessionState;  // variables, current database ... (session/session_state.h)

/// SERVER_STATUS_* bits of OK/EOF packets that the session layer decides.
enum ServerStatusFlag : uint16_t {
  kServerStatusInTrans = 0x0001,
  kServerStatusAutocommit = 0x0002,
  kServerMoreResultsExists = 0x0008,
  kServerStatusNoGoodIndexUsed = 0x0010,
  kServerStatusNoIndexUsed = 0x0020,
};

/// What COM_STMT_PREPARE reports about a new prepared statement.
struct PreparedStatementInfo {
  uint32_t id = 0;
  uint16_t param_count = 0;
  /// The result columns of a SELECT, described with every parameter NULL (the
  /// execution's result set carries the exact ones); empty for other statements.
  std::vector<ResultColumn> columns;
};

class Session {
 public:
  /// The default of max_prepared_stmt_count, the server-wide limit on open prepared
  /// statements (session/prepared_statement_quota.h): one more answers 1461.
  static constexpr size_t kMaxPreparedStatements = 16382;

  Session(ServerContext* context, uint32_t connection_id, std::string user, std::string host);
  ~Session();

  uint32_t connection_id() const { return connection_id_; }
  const std::string& user() const { return user_; }
  const std::string& host() const { return host_; }

  /// COM_INIT_DB, USE, and the database named at connect: 1049 if it does not exist.
  Status SetCurrentDatabase(const std::string& database);
  /// "" when no database is selected.
  const std::string& current_database() const;

  /// COM_QUERY: runs one SQL statement (a trailing ';', whitespace or NUL is allowed)
  /// and reports its outcome to `sink`.
  void ExecuteQuery(std::string_view sql, ResultSink* sink);

  /// COM_STMT_PREPARE: parses `sql` (one statement, `?` for parameters) and keeps it
  /// under a new statement id until ClosePrepared. See prepared_statements.cc.
  Result<PreparedStatementInfo> Prepare(std::string_view sql);
  /// COM_STMT_EXECUTE: runs statement `id` with `params` (one Value per `?`, in text
  /// order) exactly like a text query. 1243 for an unknown id, 1210 for a wrong count.
  void ExecutePrepared(uint32_t id, const std::vector<Value>& params, ResultSink* sink);
  /// COM_STMT_CLOSE: forgets statement `id` (1243 if it is not open).
  Status ClosePrepared(uint32_t id);
  /// COM_STMT_RESET: OK if statement `id` is open (nothing is buffered per statement
  /// yet), else 1243.
  Status ResetPrepared(uint32_t id) const;
  size_t prepared_statement_count() const { return prepared_.size(); }

  /// COM_FIELD_LIST: the column definitions of `table` in the current database.
  Result<std::vector<ResultColumn>> ListFields(const std::string& table);

  /// COM_STATISTICS: "Uptime: 5  Threads: 1  Questions: 10  Slow queries: 0 ..."
  std::string Statistics() const;

  /// SERVER_STATUS_* bits for the next OK/EOF packet.
  uint16_t StatusFlags() const;
  /// @@SESSION.trace_protocol: log every packet of this connection, decoded
  /// (net/mysql/packet_trace.h); defaults to minisqld --trace-protocol.
  bool TraceProtocol() const;

  /// The connection's character sets (session/client_charset.h, client_charset.cc):
  /// what the client's query text, names and string parameters are in
  /// (@@character_set_client), and what result text goes out in
  /// (@@character_set_results; nullopt when it is NULL: UTF-8 as stored).
  CharacterSet client_charset() const;
  std::optional<CharacterSet> results_charset() const;
  /// The collation id of the handshake (or COM_CHANGE_USER): sets character_set_client,
  /// _connection, _results and collation_connection as SET NAMES does; an id minisql
  /// does not know selects the server default, utf8mb4, as MySQL does.
  void SetClientCollation(uint16_t collation_id);

  /// CLIENT_FOUND_ROWS: UPDATE reports matched rather than changed rows.
  void set_client_found_rows(bool on) { client_found_rows_ = on; }
  /// The connection runs over TLS with this cipher and version (SHOW STATUS LIKE 'Ssl%').
  void SetTransportSecurity(std::string cipher, std::string version);
  /// The client's address as SHOW PROCESSLIST shows it ("localhost:51234").
  void SetClientAddress(std::string address);
  /// KILL CONNECTION hit this session: the front end closes the connection once the
  /// current command's answer is sent.
  bool connection_killed() const;

 private:
  ServerContext* context_;
  uint32_t connection_id_;
  std::string user_;
  std::string host_;
  bool client_found_rows_ = false;
  std::unique_ptr<SessionState> state_;
  /// What other sessions see of this one and its KILL flag (session_registry.h),
  /// registered with ServerContext::sessions() for the session's lifetime.
  std::shared_ptr<SessionActivity> activity_;

  // A prepared statement is kept as text and parsed again for each execution: binding
  // rewrites the AST, so one parsed tree cannot serve two executions.
  struct PreparedStatement {
    std::string sql;
    uint16_t param_count = 0;
  };
  std::map<uint32_t, PreparedStatement> prepared_;
  uint32_t next_statement_id_ = 1;
};

}  // namespace minisql
