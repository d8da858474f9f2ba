// tls_context.h — the server's TLS configuration: one OpenSSL SSL_CTX for all connections.
//
// Built once at startup by net::Server from --ssl-cert/--ssl-key/--ssl-ca, or from the
// certificates generated into the data directory when none is given
// (certificate_generator.h). Each connection that sends an SSLRequest gets its own
// TlsChannel (tls_channel.h) created from this context.
//
// Settings: TLS 1.2 and 1.3 only (what MySQL 8 accepts by default), no renegotiation,
// no session tickets or cache (each connection handshakes fully). --ssl-ca is loaded so
// a broken CA file is reported at startup, but client certificates are not requested:
// accounts have no REQUIRE X509 yet.
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "common/status.h"

namespace minisql::net {

class TlsContext {
 public:
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  /// Loads the certificate chain and private key (PEM); `ca_file` may be "".
  /// Errors name the file and OpenSSL's reason.
  static Result<std::unique_ptr<TlsContext>> Load(const std::string& cert_file,
                                                  const std::string& key_file,
                                                  const std::string& ca_file);

  SSL_CTX* get() const { return ctx_; }

 private:
  explicit TlsContext(SSL_CTX* ctx) : ctx_(ctx) {}
  SSL_CTX* ctx_;
};

/// OpenSSL's last queued error as text ("" if none); clears the queue.
std::string TakeOpenSslError();

}  // namespace minisql::net
