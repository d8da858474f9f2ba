// server.h — minisqld's network front: listeners, the event loop, the worker pool.
//
// Architecture (one process, two kinds of threads):
//
//            ┌──────────────── event loop thread (libuv) ────────────────┐
//   clients ─┤ MySQL protocol on TCP (bind_address:port)                 │
//            │ MySQL protocol on a Unix socket (--socket, optional)      │
//            │ text protocol on TCP (127.0.0.1:text_port)                │
//            │ accept, read, write, close; SIGINT/SIGTERM; wake-ups       │
//            └──────────────┬─────────────────────────────▲──────────────┘
//                bytes in   │ WorkerPool::Submit          │ uv_async_send (Wake)
//            ┌──────────────▼── worker threads ───────────┴──────────────┐
//            │ ProtocolHandler (mysql/mysql_protocol, text/text_protocol) │
//            │ → Session::ExecuteQuery → ResultSink → Connection::Write   │
//            └────────────────────────────────────────────────────────────┘
//
// Statements never run on the loop thread, so a long statement stalls only its own
// connection. Workers hand output back through a mutex-protected wake queue drained by
// one uv_async_t; the loop does the actual uv_write (see connection.h for the
// per-connection protocol between the two sides).
//
// The text protocol has no authentication — its sessions are root@localhost — so its
// listener always binds 127.0.0.1, whatever --bind-address says.
//
// TLS: Listen loads --ssl-cert/--ssl-key/--ssl-ca, or the certificates generated into
// the datadir (tls/certificate_generator.h) when none is given; --skip-ssl turns TLS
// off, and then the greeting does not announce CLIENT_SSL.
//
// KILL CONNECTION (session/session_registry.h): the session layer raises the target's
// KILL flag and calls RequestDisconnect, which queues the id for the loop; the loop
// closes the connection when idle, or after its interrupted statement answered.
//
// Connect timeout: a once-a-second timer closes connections that have not finished
// logging in (greeting, TLS, authentication) within --connect-timeout seconds, so idle
// or slow-loris clients cannot hold sockets for ever.
//
// Admission (AdmitNewConnection). Only logged-in connections count against
// --max-connections (beyond it: ERR 1040 instead of the greeting). Connections still
// logging in are capped separately, also at --max-connections: when one more arrives,
// the one that has been logging in longest is closed. A flood of half-open sockets
// therefore churns through its own pool and never takes a slot from a real user, who
// logs in within milliseconds of connecting.
//
// Shutdown (SIGINT/SIGTERM or RequestShutdown): listeners close, idle connections close,
// busy ones close when their statement ends; after kShutdownGrace the rest are closed
// forcibly (their next write fails, which stops the statement). Run returns once every
// handle is closed and every worker joined; the caller then destroys the ServerContext.
#pragma once

#include <uv.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "net/mysql/authenticator.h"
#include "net/tls/tls_context.h"
#include "net/worker_pool.h"
#include "session/server_context.h"

namespace minisql::net {

class Connection;

class Server {
 public:
  Server(ServerContext* context, const ServerOptions& options);
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens on every configured endpoint (port 0 = any free port).
  Status Listen();
  /// The ports actually bound (meaningful after Listen).
  uint16_t mysql_port() const { return mysql_port_; }
  uint16_t text_port() const { return text_port_; }

  /// Serves until shutdown is requested and all connections are gone.
  Status Run();
  /// Thread-safe; also what SIGINT/SIGTERM do.
  void RequestShutdown();

  // --- For Connection ------------------------------------------------------------------
  uv_loop_t* loop() { return &loop_; }
  WorkerPool* pool() { return pool_.get(); }
  size_t max_allowed_packet() const { return options_.max_allowed_packet; }
  /// Null when TLS is off (--skip-ssl).
  SSL_CTX* tls_context() const { return tls_ ? tls_->get() : nullptr; }
  AuthServices* auth_services() { return &auth_; }
  /// Thread-safe: asks the loop to call connection->Sync().
  void Wake(std::shared_ptr<Connection> connection);
  /// Loop thread: the connection's handle is closed; drop it from the registry.
  void OnConnectionClosed(Connection* connection);
  /// Thread-safe: KILL CONNECTION (the SessionRegistry's disconnect handler). The loop
  /// closes connection `id` now if it is idle, else once its running command ends.
  void RequestDisconnect(uint32_t id);

 private:
  enum class Protocol { kMysql, kText };
  struct Listener {
    Server* server;
    Protocol protocol;
    bool is_pipe;
    uv_any_handle handle;
  };
  static constexpr uint64_t kShutdownGraceMs = 30'000;

  Status ListenTcp(Protocol protocol, const std::string& address, uint16_t port,
                   uint16_t* bound_port);
  Status ListenUnix(const std::string& path);
  Status SetUpTls();
  Status SetUpAuth();
  static void OnNewConnection(uv_stream_t* server, int status);
  void Accept(Listener* listener);
  /// Loop thread, for a connection just accepted: makes room among the connections
  /// still logging in and says whether the new one is over --max-connections.
  bool AdmitNewConnection(Connection* fresh);
  static void OnWake(uv_async_t* async);
  static void OnSignal(uv_signal_t* signal, int signum);
  static void OnShutdownTimeout(uv_timer_t* timer);
  /// Once a second: closes connections that have not logged in within --connect-timeout.
  static void OnHousekeeping(uv_timer_t* timer);
  void BeginShutdown();
  void FinishIfDone();

  ServerContext* context_;
  ServerOptions options_;
  uv_loop_t loop_;
  bool loop_initialized_ = false;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<TlsContext> tls_;
  AuthServices auth_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  uint16_t mysql_port_ = 0;
  uint16_t text_port_ = 0;

  uv_async_t wake_async_;
  uv_signal_t sigint_;
  uv_signal_t sigterm_;
  uv_timer_t shutdown_timer_;
  uv_timer_t housekeeping_timer_;
  bool shutting_down_ = false;  // loop only
  bool finished_ = false;       // loop only: the server's own handles are closing

  std::mutex wake_mutex_;
  std::vector<std::shared_ptr<Connection>> wake_queue_;
  // Under wake_mutex_: connection ids KILL CONNECTION named (RequestDisconnect).
  std::vector<uint32_t> disconnect_queue_;
  bool shutdown_requested_ = false;  // under wake_mutex_
  bool wake_open_ = false;           // under wake_mutex_: wake_async_ may be signalled

  std::unordered_map<Connection*, std::shared_ptr<Connection>> connections_;  // loop only
};

}  // namespace minisql::net
