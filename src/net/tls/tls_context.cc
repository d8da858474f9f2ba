// tls_context.cc — see tls_context.h.
#include "net/tls/tls_context.h"

#include <openssl/err.h>

namespace minisql::net {

std::string TakeOpenSslError() {
  unsigned long code = ERR_get_error();
  std::string text;
  if (code != 0) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof(buffer));
    text = buffer;
  }
  ERR_clear_error();
  return text;
}

TlsContext::~TlsContext() {
  SSL_CTX_free(ctx_);
}

Result<std::unique_ptr<TlsContext>> TlsContext::Load(const std::string& cert_file,
                                                     const std::string& key_file,
                                                     const std::string& ca_file) {
  auto fail = [](const std::string& what) {
    return Status::WithMessage(ErrorCode::kUnknownError,
                               "TLS setup: " + what + ": " + TakeOpenSslError());
  };
  SSL_CTX* raw = SSL_CTX_new(TLS_server_method());
  if (raw == nullptr) return fail("SSL_CTX_new");
  std::unique_ptr<TlsContext> context(new TlsContext(raw));
  SSL_CTX_set_min_proto_version(raw, TLS1_2_VERSION);
  SSL_CTX_set_options(raw, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);
  SSL_CTX_set_session_cache_mode(raw, SSL_SESS_CACHE_OFF);
  if (SSL_CTX_use_certificate_chain_file(raw, cert_file.c_str()) != 1) {
    return fail("cannot load certificate " + cert_file);
  }
  if (SSL_CTX_use_PrivateKey_file(raw, key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    return fail("cannot load private key " + key_file);
  }
  if (SSL_CTX_check_private_key(raw) != 1) {
    return fail("private key " + key_file + " does not match certificate " + cert_file);
  }
  if (!ca_file.empty() && SSL_CTX_load_verify_locations(raw, ca_file.c_str(), nullptr) != 1) {
    return fail("cannot load CA " + ca_file);
  }
  SSL_CTX_set_verify(raw, SSL_VERIFY_NONE, nullptr);
  return context;
}

}  // namespace minisql::net
