// server_context.h — the one place server-wide mutable state lives.
//
// minisql has no mutable globals: everything shared by all connections (the storage
// engine, the options the server started with, counters shown by COM_STATISTICS and
// SHOW STATUS, the connection-id sequence) hangs off one ServerContext, created by
// main() and passed down. Sessions and the network layer reach shared state only
// through it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "session/session_registry.h"
#include "session/table_locks.h"
#include "storage/storage_engine.h"

namespace minisql {

/// The server's configuration, from minisqld's command line (flags follow mysqld's).
struct ServerOptions {
  std::string datadir = "./data";
  std::string bind_address = "127.0.0.1";
  uint16_t port = 3306;
  std::string socket;  // Unix socket path; "" = none
  uint16_t text_port = 6789;
  uint64_t buffer_pool_size = 128ull << 20;
  uint32_t max_connections = 151;
  uint32_t max_allowed_packet = 64u << 20;  // bytes; bigger packets get ER_NET_PACKET_TOO_LARGE
  uint32_t worker_threads = 0;              // statement-executing threads; 0 = number of cores
  // TLS (net/tls/): with no cert/key given, certificates are generated into the datadir.
  std::string ssl_cert;
  std::string ssl_key;
  std::string ssl_ca;
  bool skip_ssl = false;                  // no TLS at all: CLIENT_SSL is not announced
  bool require_secure_transport = false;  // plain-TCP logins get ER_SECURE_TRANSPORT_REQUIRED
  uint32_t connect_timeout = 10;          // seconds to complete the login; 0 = no limit
  bool trace_protocol = false;            // log every MySQL packet, decoded (packet_trace.h)
};

/// The server version string sent in the greeting and returned by VERSION().
inline constexpr const char* kServerVersion = "8.0.0-minisql-0.1.0";
inline constexpr const char* kVersionComment = "minisql server";

class SystemVariables;  // session/system_variables.h

class ServerContext {
 public:
  ~ServerContext();

  /// Opens the storage engine on options.datadir and, on first start, creates the
  /// root@localhost account with an empty password (logging a warning).
  static Result<std::unique_ptr<ServerContext>> Open(const ServerOptions& options);

  const ServerOptions& options() const { return options_; }
  storage::StorageEngine* storage() { return storage_.get(); }
  /// GLOBAL values of the system variables (SET GLOBAL, SHOW GLOBAL VARIABLES).
  SystemVariables* variables() { return variables_.get(); }
  /// LOCK TABLES locks of every session.
  TableLockManager* table_locks() { return &table_locks_; }
  /// Every live session (KILL, SHOW PROCESSLIST).
  SessionRegistry* sessions() { return &sessions_; }

  /// The account for `user` connecting from address `host`, chosen among all matching
  /// accounts as MySQL does (session/account_lookup.h), or nullopt if none matches.
  Result<std::optional<storage::UserRecord>> FindAccount(const std::string& user,
                                                         const std::string& host);

  uint32_t NextConnectionId() { return next_connection_id_.fetch_add(1); }
  uint64_t UptimeSeconds() const;

  // Counters for COM_STATISTICS / SHOW STATUS.
  std::atomic<uint64_t> questions{0};
  std::atomic<uint32_t> threads_connected{0};
  /// Statements that ran longer than their session's long_query_time.
  std::atomic<uint64_t> slow_queries{0};
  /// Prepared statements open in all sessions (session/prepared_statement_quota.h).
  std::atomic<uint64_t> open_prepared_statements{0};

 private:
  ServerContext(ServerOptions options, std::unique_ptr<storage::StorageEngine> storage);

  ServerOptions options_;
  std::unique_ptr<storage::StorageEngine> storage_;
  std::unique_ptr<SystemVariables> variables_;
  std::atomic<uint32_t> next_connection_id_{1};
  TableLockManager table_locks_;
  SessionRegistry sessions_;
  std::chrono::steady_clock::time_point start_time_;
};

}  // namespace minisql
