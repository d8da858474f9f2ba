// connection.h — one client connection: its socket, its buffers and its place in line
// for a worker thread.
//
// Threads. The event loop thread does all socket I/O; worker threads (WorkerPool) run
// the ProtocolHandler, which decodes requests and executes statements. The two meet
// here, under one mutex:
//
//   loop thread                          shared (mutex_)              worker thread
//   ───────────                          ───────────────              ─────────────
//   OnRead: append bytes ─────────────►  input_                ─────► RunJob: take bytes,
//           (start a job if none)        job_running_                  handler_->HandleInput
//   Sync: uv_write(pending) ◄─────────   pending_output_       ◄───── Write (blocks while
//         write done: unsent_bytes_ -=   unsent_bytes_                 > kMaxUnsentBytes)
//         close when requested ◄──────   close_requested_      ◄───── RequestClose
//   OnPeerGone ───────────────────────►  peer_gone_            ─────► Write fails: the
//                                                                      statement stops
//   ForceClose, TLS failure ──────────►  input_dropped_        ─────► RunJob stops at once
//
// When the client just goes away (EOF, reset, a failed write), the requests it sent
// before going still run, in order, as in mysqld: an INSERT sent just before the client
// closed its socket is not lost. Only their responses go nowhere.
//
// A connection has at most one job (queued or running). Requests that arrive while a
// statement runs wait in input_ and are handled in order by the same job when the
// statement is done — that is how pipelining (Connector/J sends two queries back to back)
// works. Reading pauses while input_ holds more than max_allowed_packet (plus slack),
// and a worker blocks in Write while more than kMaxUnsentBytes wait to be sent, so
// memory per connection stays bounded whatever the client does.
//
// Lifecycle (the protocol-specific states are in mysql/mysql_protocol.h):
//
//   accepted ──► job: handler_->Start (greeting) ──► serving ◄──► job: HandleInput
//                                                       │
//        client closed / read error  (OnPeerGone) ──────┤
//        handler RequestClose, then output flushed ─────┤ (uv_shutdown, then uv_close)
//        server shutdown (CloseWhenIdle) ───────────────┤
//                                                       ▼
//                                                    closed: close callback → Server
//
// TLS (tls/tls_channel.h). The handler calls StartTls after an SSLRequest; from then on
// the loop thread owns an OpenSSL channel on memory BIOs and the worker side keeps seeing
// plaintext only:
//
//   kOff ──StartTls (worker)──► kStarting ──Sync (loop) creates the channel──► kActive
//
//   kActive, loop thread:  OnRead: ciphertext ─► TlsChannel ─► plaintext appended to input_
//                          Sync:   pending_output_ ─► TlsChannel ─► ciphertext to uv_write
//
// Bytes the client sent right behind its SSLRequest (its ClientHello often arrives in the
// same read) are handed back by the handler as `leftover` and become the first ciphertext.
// Output is held back while the handshake runs. A TLS failure closes the connection.
//
// Lifetime. Connections are shared_ptrs: the Server's registry, a running job, a pending
// wake-up and every write request each hold one, so whoever finishes last frees the
// object. The libuv handle lives inside the Connection; libuv is done with it once the
// close callback ran, which is where the Server drops its reference. handle.data is the
// Connection; no libuv callback throws.
#pragma once

#include <uv.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "common/status.h"
#include "net/mysql/response_writer.h"
#include "net/protocol_handler.h"
#include "net/tls/tls_channel.h"

namespace minisql {
class ServerContext;
}

namespace minisql::net {

class Server;
struct AuthServices;

class Connection : public OutputChannel, public std::enable_shared_from_this<Connection> {
 public:
  enum class Transport { kTcp, kUnixSocket };

  Connection(Server* server, ServerContext* context, uint32_t id);
  ~Connection() override;

  uint32_t id() const { return id_; }
  ServerContext* context() const { return context_; }

  /// Set once, by the Server, before the connection starts.
  void set_handler(std::unique_ptr<ProtocolHandler> handler) { handler_ = std::move(handler); }
  void set_transport(Transport transport) { transport_ = transport; }
  Transport transport() const { return transport_; }
  /// The server's TLS configuration, or null when TLS is off (--skip-ssl).
  SSL_CTX* tls_context() const;
  /// Server-wide authentication state (caching_sha2_password cache, RSA key).
  AuthServices* auth_services() const;

  // --- Worker side (called by the ProtocolHandler) ------------------------------------

  /// Queues bytes for the client. Blocks while too much output is unsent; fails with
  /// ER_NET_ERROR_ON_WRITE once the client has gone (the statement should stop).
  Status Write(std::string bytes) override;
  /// Ends the connection once everything written so far has been sent.
  void RequestClose();
  /// The handler read an SSLRequest: `leftover` (bytes after it in the input it was
  /// given) and all later input are TLS; output from now on is encrypted. The handler
  /// must return "everything consumed" from this HandleInput call.
  void StartTls(std::string_view leftover);
  struct TlsInfo {
    bool active = false;
    std::string cipher;   // e.g. "TLS_AES_256_GCM_SHA384"
    std::string version;  // e.g. "TLSv1.3"
  };
  /// What TLS negotiated (active = false while the connection is plain).
  TlsInfo tls_info();
  /// The login succeeded: --connect-timeout no longer applies.
  void MarkAuthenticated() { authenticated_.store(true); }
  bool authenticated() const { return authenticated_.load(); }
  /// When the connection was accepted (for --connect-timeout).
  uint64_t accepted_at_ms() const { return accepted_at_ms_; }
  /// The client as SHOW PROCESSLIST's Host shows it: "localhost:51234", "10.0.0.5:40000",
  /// "localhost" on the Unix socket. Set once by the Server before Begin.
  void set_peer_address(std::string address) { peer_address_ = std::move(address); }
  const std::string& peer_address() const { return peer_address_; }

  // --- Loop side (called by the Server) -----------------------------------------------

  /// The libuv stream; the Server initialises it as TCP or pipe before accept.
  uv_stream_t* stream() { return &handle_.stream; }
  uv_handle_t* handle() { return &handle_.handle; }
  uv_tcp_t* tcp() { return &handle_.tcp; }
  uv_pipe_t* pipe() { return &handle_.pipe; }

  /// Starts reading and schedules the greeting job.
  void Begin(bool over_capacity);
  /// Applies whatever the worker asked for: sends pending output, resumes reading,
  /// closes. Called on the loop thread after each wake-up.
  void Sync();
  /// Server shutdown: close now if idle, otherwise after the running statement.
  void CloseWhenIdle();
  /// Server shutdown timed out: close now; a running statement's next write fails.
  void ForceClose();

 private:
  static constexpr size_t kMaxUnsentBytes = 4u << 20;
  static constexpr size_t kReadSlack = 64u << 10;

  // Loop side.
  static void AllocCallback(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void ReadCallback(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void WriteCallback(uv_write_t* request, int status);
  static void ShutdownCallback(uv_shutdown_t* request, int status);
  static void CloseCallback(uv_handle_t* handle);
  void OnRead(const char* data, size_t length);
  // The socket is closing. drop_input: discard requests not yet handled (a forced close,
  // a broken TLS stream) instead of running them (the client went away after sending).
  void OnPeerGone(bool drop_input);
  void StartClose();
  bool ClaimJobLocked();  // mutex_ held: marks a job running unless one is (or closing)
  void SubmitJob();       // mutex_ not held: hands the claimed job to the worker pool
  void OnCiphertext(std::string_view ciphertext);     // TLS active: decrypt into input_
  void SendRaw(std::string bytes, size_t accounted);  // uv_write; `accounted` unsent bytes

  // Worker side.
  void RunJob(bool start);

  Server* server_;
  ServerContext* context_;
  const uint32_t id_;
  std::unique_ptr<ProtocolHandler> handler_;
  bool over_capacity_ = false;
  Transport transport_ = Transport::kTcp;
  std::atomic<bool> authenticated_{false};
  uint64_t accepted_at_ms_ = 0;  // uv_now of the loop at Begin
  std::string peer_address_ = "localhost";

  uv_any_handle handle_;
  uv_shutdown_t shutdown_request_;
  bool closing_ = false;  // loop only: uv_shutdown/uv_close started
  bool reading_ = false;  // loop only

  std::mutex mutex_;
  std::condition_variable output_drained_;
  std::string input_;           // received, not yet taken by a job
  std::string pending_output_;  // written by the handler, not yet given to uv_write
  size_t unsent_bytes_ = 0;     // pending_output_ + bytes inside uv_write requests
  bool job_running_ = false;
  bool close_requested_ = false;
  bool peer_gone_ = false;      // nothing more can be sent
  bool input_dropped_ = false;  // unhandled requests are discarded: the job stops

  enum class TlsPhase { kOff, kStarting, kActive };
  TlsPhase tls_phase_ = TlsPhase::kOff;  // under mutex_
  std::string tls_inbox_;                // under mutex_: ciphertext before the channel exists
  std::string plain_output_;             // under mutex_: written before StartTls, sent plain
  TlsInfo tls_info_;                     // under mutex_: set when the handshake finished
  std::unique_ptr<TlsChannel> tls_;      // loop only

  std::string work_;  // worker only: bytes the handler has not consumed yet
};

}  // namespace minisql::net
