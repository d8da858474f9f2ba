// tls_channel.h — TLS for one connection, driven by the event loop without ever blocking.
//
// OpenSSL never touches the socket. Two memory BIOs sit between it and libuv:
//
//   socket ──uv read──► Receive(ciphertext) ─► [read BIO] ─► SSL ─► plaintext ─► worker
//   socket ◄─uv write── TakeOutgoing()      ◄─ [write BIO] ◄─ SSL ◄─ Send(plaintext) ◄─ worker
//
// so every call returns at once: when OpenSSL needs more bytes from the peer it says
// WANT_READ and we simply wait for the next read callback. All calls happen on the
// loop thread (Connection owns the channel), so no locking is needed here.
//
// States:
//
//   kHandshaking ──(handshake finished)──► kOpen ──(close_notify received)──► kClosed
//        │                                   │
//        └──── bad record / alert / error ───┴──────────────────────────────► kFailed
//
// After every Receive or Send, TakeOutgoing holds what must go on the wire (handshake
// flights, alerts, encrypted records).
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace minisql::net {

class TlsChannel {
 public:
  enum class State { kHandshaking, kOpen, kClosed, kFailed };

  /// A server-side channel on `ctx` (TlsContext::get()).
  static Result<std::unique_ptr<TlsChannel>> Create(SSL_CTX* ctx);
  ~TlsChannel();
  TlsChannel(const TlsChannel&) = delete;
  TlsChannel& operator=(const TlsChannel&) = delete;

  /// Feeds bytes received from the peer; advances the handshake and appends any
  /// application data to `*plaintext`. An error means the channel failed or the peer
  /// closed it (state() tells which); the connection should close.
  Status Receive(std::string_view ciphertext, std::string* plaintext);
  /// Encrypts application data (only once the handshake finished).
  Status Send(std::string_view plaintext);
  /// Queues a close_notify alert.
  void Shutdown();
  /// Ciphertext waiting to be sent to the peer (and forgets it).
  std::string TakeOutgoing();

  State state() const { return state_; }
  bool open() const { return state_ == State::kOpen; }
  /// Negotiated cipher ("TLS_AES_256_GCM_SHA384") and version ("TLSv1.3").
  std::string cipher() const;
  std::string version() const;

 private:
  explicit TlsChannel(SSL* ssl, BIO* read_bio, BIO* write_bio)
      : ssl_(ssl), read_bio_(read_bio), write_bio_(write_bio) {}
  Status Fail(const char* what);

  SSL* ssl_;
  BIO* read_bio_;   // owned by ssl_
  BIO* write_bio_;  // owned by ssl_
  State state_ = State::kHandshaking;
};

}  // namespace minisql::net
