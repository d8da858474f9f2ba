// server.cc — see server.h for the architecture.
#include "net/server.h"

#include <unistd.h>

#include <csignal>
#include <cstring>

#include "common/log.h"
#include "net/connection.h"
#include "net/mysql/mysql_protocol.h"
#include "net/text/text_protocol.h"
#include "net/tls/certificate_generator.h"

namespace minisql::net {

namespace {

Status ListenError(const std::string& what, int uv_error) {
  return Status::Error(ErrorCode::kUnknownError,
                       "cannot listen on " + what + ": " + uv_strerror(uv_error));
}

/// How the account table sees a TCP client: loopback is "localhost" (as in MySQL).
std::string PeerHost(uv_tcp_t* tcp) {
  sockaddr_storage address{};
  int length = sizeof(address);
  if (uv_tcp_getpeername(tcp, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return "unknown";
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&address);
    if ((ntohl(in->sin_addr.s_addr) >> 24) == 127) return "localhost";
    uv_ip4_name(in, text, sizeof(text));
  } else if (address.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
    if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr)) return "localhost";
    uv_ip6_name(in6, text, sizeof(text));
  }
  return text;
}

/// SHOW PROCESSLIST's Host: the account-table host plus the client's port.
std::string PeerAddress(uv_tcp_t* tcp, const std::string& host) {
  sockaddr_storage address{};
  int length = sizeof(address);
  if (uv_tcp_getpeername(tcp, reinterpret_cast<sockaddr*>(&address), &length) != 0) return host;
  uint16_t port =
      ntohs(address.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&address)->sin6_port
                                          : reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  return host + ":" + std::to_string(port);
}

}  // namespace

Server::Server(ServerContext* context, const ServerOptions& options)
    : context_(context), options_(options) {
  loop_initialized_ = uv_loop_init(&loop_) == 0;
}

Server::~Server() {
  context_->sessions()->SetDisconnectHandler(nullptr);
  // Run() normally leaves nothing open; if it was never called, close what Listen opened.
  if (!loop_initialized_) return;
  for (auto& listener : listeners_) {
    if (!uv_is_closing(&listener->handle.handle)) uv_close(&listener->handle.handle, nullptr);
  }
  uv_run(&loop_, UV_RUN_DEFAULT);
  uv_loop_close(&loop_);
  if (!options_.socket.empty()) unlink(options_.socket.c_str());
}

Status Server::SetUpTls() {
  if (options_.skip_ssl) {
    if (options_.require_secure_transport && options_.socket.empty()) {
      return Status::WithMessage(ErrorCode::kUnknownError,
                                 "--require-secure-transport needs TLS or a --socket, but "
                                 "--skip-ssl turned TLS off");
    }
    return Status::OK();
  }
  std::string cert = options_.ssl_cert;
  std::string key = options_.ssl_key;
  std::string ca = options_.ssl_ca;
  if (cert.empty() != key.empty()) {
    return Status::WithMessage(ErrorCode::kUnknownError,
                               "--ssl-cert and --ssl-key must be given together");
  }
  if (cert.empty()) {
    Result<GeneratedTlsFiles> generated = EnsureServerCertificates(options_.datadir);
    if (!generated.ok()) return generated.status();
    cert = generated->server_cert;
    key = generated->server_key;
    if (ca.empty()) ca = generated->ca;
  }
  Result<std::unique_ptr<TlsContext>> context = TlsContext::Load(cert, key, ca);
  if (!context.ok()) return context.status();
  tls_ = std::move(*context);
  return Status::OK();
}

Status Server::SetUpAuth() {
  // caching_sha2_password's RSA key pair, generated into the datadir like MySQL 8's.
  Result<RsaKeyFiles> files = EnsureRsaKeyPair(options_.datadir);
  if (!files.ok()) return files.status();
  Result<std::unique_ptr<RsaKeyPair>> keys =
      RsaKeyPair::Load(files->private_key, files->public_key);
  if (!keys.ok()) return keys.status();
  auth_.rsa = std::move(*keys);
  return Status::OK();
}

Status Server::Listen() {
  if (!loop_initialized_) return Status::Error(ErrorCode::kUnknownError, "uv_loop_init failed");
  MINISQL_RETURN_IF_ERROR(SetUpTls());
  MINISQL_RETURN_IF_ERROR(SetUpAuth());
  MINISQL_RETURN_IF_ERROR(
      ListenTcp(Protocol::kMysql, options_.bind_address, options_.port, &mysql_port_));
  if (!options_.socket.empty()) MINISQL_RETURN_IF_ERROR(ListenUnix(options_.socket));
  // The text protocol does not authenticate: loopback only (see server.h).
  MINISQL_RETURN_IF_ERROR(ListenTcp(Protocol::kText, "127.0.0.1", options_.text_port, &text_port_));
  return Status::OK();
}

Status Server::ListenTcp(Protocol protocol, const std::string& address, uint16_t port,
                         uint16_t* bound_port) {
  std::string what = address + ":" + std::to_string(port);
  sockaddr_storage storage{};
  if (uv_ip4_addr(address.c_str(), port, reinterpret_cast<sockaddr_in*>(&storage)) != 0 &&
      uv_ip6_addr(address.c_str(), port, reinterpret_cast<sockaddr_in6*>(&storage)) != 0) {
    return Status::Error(ErrorCode::kUnknownError, "invalid bind address '" + address + "'");
  }
  auto listener = std::make_unique<Listener>(Listener{this, protocol, false, {}});
  uv_tcp_init(&loop_, &listener->handle.tcp);
  listener->handle.handle.data = listener.get();
  Listener* raw = listener.get();
  listeners_.push_back(std::move(listener));  // from here on, closed by ~Server/Run
  int rc = uv_tcp_bind(&raw->handle.tcp, reinterpret_cast<sockaddr*>(&storage), 0);
  if (rc == 0) rc = uv_listen(&raw->handle.stream, 128, OnNewConnection);
  if (rc != 0) return ListenError(what, rc);
  sockaddr_storage bound{};
  int length = sizeof(bound);
  uv_tcp_getsockname(&raw->handle.tcp, reinterpret_cast<sockaddr*>(&bound), &length);
  *bound_port =
      ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                        : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  return Status::OK();
}

Status Server::ListenUnix(const std::string& path) {
  auto listener = std::make_unique<Listener>(Listener{this, Protocol::kMysql, true, {}});
  uv_pipe_init(&loop_, &listener->handle.pipe, 0);
  listener->handle.handle.data = listener.get();
  Listener* raw = listener.get();
  listeners_.push_back(std::move(listener));
  unlink(path.c_str());  // a stale socket file from an unclean shutdown
  int rc = uv_pipe_bind(&raw->handle.pipe, path.c_str());
  if (rc == 0) rc = uv_listen(&raw->handle.stream, 128, OnNewConnection);
  if (rc != 0) return ListenError(path, rc);
  return Status::OK();
}

Status Server::Run() {
  // Room for one task per connection on both protocols (see worker_pool.h), plus a
  // few for connections being refused with ER_CON_COUNT_ERROR.
  pool_ = std::make_unique<WorkerPool>(options_.worker_threads, 2 * options_.max_connections + 8);
  uv_async_init(&loop_, &wake_async_, OnWake);
  wake_async_.data = this;
  {
    std::lock_guard lock(wake_mutex_);
    wake_open_ = true;
  }
  context_->sessions()->SetDisconnectHandler([this](uint32_t id) { RequestDisconnect(id); });
  uv_signal_init(&loop_, &sigint_);
  uv_signal_init(&loop_, &sigterm_);
  sigint_.data = sigterm_.data = this;
  uv_signal_start(&sigint_, OnSignal, SIGINT);
  uv_signal_start(&sigterm_, OnSignal, SIGTERM);
  uv_timer_init(&loop_, &shutdown_timer_);
  shutdown_timer_.data = this;
  uv_timer_init(&loop_, &housekeeping_timer_);
  housekeeping_timer_.data = this;
  if (options_.connect_timeout > 0) {
    uv_timer_start(&housekeeping_timer_, OnHousekeeping, 1000, 1000);
  }
  LogInfo("minisqld: ready for connections. port: %u  text port: %u  socket: '%s'",
          static_cast<unsigned>(mysql_port_), static_cast<unsigned>(text_port_),
          options_.socket.c_str());
  uv_run(&loop_, UV_RUN_DEFAULT);
  pool_.reset();  // joins the workers; the last connections are freed here
  context_->sessions()->SetDisconnectHandler(nullptr);  // no KILL can run any more
  connections_.clear();
  return Status::OK();
}

void Server::RequestShutdown() {
  std::lock_guard lock(wake_mutex_);
  shutdown_requested_ = true;
  if (wake_open_) uv_async_send(&wake_async_);
}

void Server::Wake(std::shared_ptr<Connection> connection) {
  std::lock_guard lock(wake_mutex_);
  if (!wake_open_) return;  // shutting down: the loop no longer listens
  wake_queue_.push_back(std::move(connection));
  uv_async_send(&wake_async_);
}

void Server::RequestDisconnect(uint32_t id) {
  std::lock_guard lock(wake_mutex_);
  if (!wake_open_) return;  // shutting down: every connection is closing anyway
  disconnect_queue_.push_back(id);
  uv_async_send(&wake_async_);
}

void Server::OnWake(uv_async_t* async) {
  auto* server = static_cast<Server*>(async->data);
  std::vector<std::shared_ptr<Connection>> queue;
  std::vector<uint32_t> disconnect;
  bool shutdown;
  {
    std::lock_guard lock(server->wake_mutex_);
    queue.swap(server->wake_queue_);
    disconnect.swap(server->disconnect_queue_);
    shutdown = server->shutdown_requested_;
  }
  for (auto& connection : queue) connection->Sync();
  if (!disconnect.empty()) {
    std::vector<std::shared_ptr<Connection>> killed;  // closing may erase from the registry
    for (auto& [raw, connection] : server->connections_) {
      for (uint32_t id : disconnect) {
        if (connection->id() == id) killed.push_back(connection);
      }
    }
    for (auto& connection : killed) connection->CloseWhenIdle();
  }
  if (shutdown) server->BeginShutdown();
}

void Server::OnNewConnection(uv_stream_t* stream, int status) {
  auto* listener = static_cast<Listener*>(stream->data);
  if (status < 0) {
    LogWarning("accept failed: %s", uv_strerror(status));
    return;
  }
  listener->server->Accept(listener);
}

void Server::Accept(Listener* listener) {
  auto connection = std::make_shared<Connection>(this, context_, context_->NextConnectionId());
  if (listener->is_pipe) {
    connection->set_transport(Connection::Transport::kUnixSocket);
    uv_pipe_init(&loop_, connection->pipe(), 0);
  } else {
    uv_tcp_init(&loop_, connection->tcp());
  }
  connection->handle()->data = connection.get();
  connections_[connection.get()] = connection;
  if (uv_accept(&listener->handle.stream, connection->stream()) != 0 || shutting_down_) {
    connection->ForceClose();
    return;
  }
  std::string host = "localhost";
  if (!listener->is_pipe) {
    uv_tcp_nodelay(connection->tcp(), 1);
    host = PeerHost(connection->tcp());
    connection->set_peer_address(PeerAddress(connection->tcp(), host));
  }
  if (listener->protocol == Protocol::kMysql) {
    connection->set_handler(std::make_unique<MysqlProtocol>(connection.get(), host));
  } else {
    connection->set_handler(std::make_unique<TextProtocol>(connection.get()));
  }
  connection->Begin(AdmitNewConnection(connection.get()));
}

bool Server::AdmitNewConnection(Connection* fresh) {
  // Logged-in clients count against --max-connections; clients still logging in are
  // capped separately (server.h), evicting the one that has waited longest.
  size_t authenticated = 0;
  size_t logging_in = 0;
  std::shared_ptr<Connection> oldest;
  for (auto& [raw, connection] : connections_) {
    if (connection->authenticated()) {
      ++authenticated;
    } else if (raw != fresh) {
      ++logging_in;
      if (!oldest || connection->accepted_at_ms() < oldest->accepted_at_ms()) oldest = connection;
    }
  }
  if (logging_in >= options_.max_connections && oldest) oldest->ForceClose();
  return authenticated >= options_.max_connections;  // true: ERR 1040
}

void Server::OnConnectionClosed(Connection* connection) {
  connections_.erase(connection);
  if (shutting_down_) FinishIfDone();
}

void Server::OnSignal(uv_signal_t* signal, int signum) {
  auto* server = static_cast<Server*>(signal->data);
  LogInfo("minisqld: received signal %d, shutting down", signum);
  server->BeginShutdown();
}

void Server::BeginShutdown() {
  if (shutting_down_) return;
  shutting_down_ = true;
  for (auto& listener : listeners_) {
    if (!uv_is_closing(&listener->handle.handle)) uv_close(&listener->handle.handle, nullptr);
  }
  uv_timer_start(&shutdown_timer_, OnShutdownTimeout, kShutdownGraceMs, 0);
  // Copy: closing may erase from the registry.
  std::vector<std::shared_ptr<Connection>> open;
  for (auto& [raw, connection] : connections_) open.push_back(connection);
  for (auto& connection : open) connection->CloseWhenIdle();
  FinishIfDone();
}

void Server::OnShutdownTimeout(uv_timer_t* timer) {
  auto* server = static_cast<Server*>(timer->data);
  LogWarning("minisqld: %zu connections still busy, closing them", server->connections_.size());
  std::vector<std::shared_ptr<Connection>> open;
  for (auto& [raw, connection] : server->connections_) open.push_back(connection);
  for (auto& connection : open) connection->ForceClose();
}

void Server::OnHousekeeping(uv_timer_t* timer) {
  auto* server = static_cast<Server*>(timer->data);
  uint64_t deadline_ms = uint64_t{server->options_.connect_timeout} * 1000;
  uint64_t now = uv_now(&server->loop_);
  std::vector<std::shared_ptr<Connection>> expired;  // closing may erase from the registry
  for (auto& [raw, connection] : server->connections_) {
    if (!connection->authenticated() && now - connection->accepted_at_ms() >= deadline_ms) {
      expired.push_back(connection);
    }
  }
  for (auto& connection : expired) connection->ForceClose();
}

void Server::FinishIfDone() {
  if (finished_ || !connections_.empty()) return;
  finished_ = true;
  {
    std::lock_guard lock(wake_mutex_);
    wake_open_ = false;
    wake_queue_.clear();
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&wake_async_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&sigint_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&sigterm_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&shutdown_timer_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&housekeeping_timer_), nullptr);
}

}  // namespace minisql::net
