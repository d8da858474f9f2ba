// tls_channel.cc — see tls_channel.h for the memory-BIO design and the states.
#include "net/tls/tls_channel.h"

#include <openssl/err.h>

#include <algorithm>
#include <climits>

#include "net/tls/tls_context.h"

namespace minisql::net {

Result<std::unique_ptr<TlsChannel>> TlsChannel::Create(SSL_CTX* ctx) {
  SSL* ssl = SSL_new(ctx);
  BIO* read_bio = BIO_new(BIO_s_mem());
  BIO* write_bio = BIO_new(BIO_s_mem());
  if (ssl == nullptr || read_bio == nullptr || write_bio == nullptr) {
    SSL_free(ssl);
    BIO_free(read_bio);
    BIO_free(write_bio);
    return Status::WithMessage(ErrorCode::kUnknownError, "TLS: out of memory");
  }
  // An empty read BIO reports "retry" rather than EOF: more bytes may still come.
  BIO_set_mem_eof_return(read_bio, -1);
  SSL_set_bio(ssl, read_bio, write_bio);  // ssl_ owns both from here
  SSL_set_accept_state(ssl);
  return std::unique_ptr<TlsChannel>(new TlsChannel(ssl, read_bio, write_bio));
}

TlsChannel::~TlsChannel() {
  SSL_free(ssl_);
}

Status TlsChannel::Fail(const char* what) {
  state_ = State::kFailed;
  std::string reason = TakeOpenSslError();
  return Status::WithMessage(ErrorCode::kUnknownError,
                             std::string("TLS ") + what + (reason.empty() ? "" : ": " + reason));
}

Status TlsChannel::Receive(std::string_view ciphertext, std::string* plaintext) {
  if (state_ == State::kFailed || state_ == State::kClosed) {
    return Status::WithMessage(ErrorCode::kUnknownError, "TLS channel closed");
  }
  while (!ciphertext.empty()) {
    int chunk = static_cast<int>(std::min<size_t>(ciphertext.size(), INT_MAX));
    int written = BIO_write(read_bio_, ciphertext.data(), chunk);
    if (written <= 0) return Fail("buffering");
    ciphertext.remove_prefix(static_cast<size_t>(written));
  }
  if (state_ == State::kHandshaking) {
    int rc = SSL_do_handshake(ssl_);
    if (rc != 1) {
      int error = SSL_get_error(ssl_, rc);
      if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return Status::OK();
      return Fail("handshake failed");
    }
    state_ = State::kOpen;
  }
  char buffer[16 * 1024];
  while (true) {
    int n = SSL_read(ssl_, buffer, sizeof(buffer));
    if (n > 0) {
      plaintext->append(buffer, static_cast<size_t>(n));
      continue;
    }
    int error = SSL_get_error(ssl_, n);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return Status::OK();
    if (error == SSL_ERROR_ZERO_RETURN) {
      state_ = State::kClosed;
      return Status::WithMessage(ErrorCode::kUnknownError, "TLS peer closed the channel");
    }
    return Fail("read failed");
  }
}

Status TlsChannel::Send(std::string_view plaintext) {
  if (state_ != State::kOpen) return Status::WithMessage(ErrorCode::kUnknownError, "TLS not open");
  while (!plaintext.empty()) {
    int chunk = static_cast<int>(std::min<size_t>(plaintext.size(), 1u << 20));
    // A memory BIO never fills up, so SSL_write takes the whole chunk.
    int n = SSL_write(ssl_, plaintext.data(), chunk);
    if (n <= 0) return Fail("write failed");
    plaintext.remove_prefix(static_cast<size_t>(n));
  }
  return Status::OK();
}

void TlsChannel::Shutdown() {
  if (state_ == State::kOpen) SSL_shutdown(ssl_);
  ERR_clear_error();
}

std::string TlsChannel::TakeOutgoing() {
  std::string out;
  size_t pending = BIO_ctrl_pending(write_bio_);
  if (pending == 0) return out;
  out.resize(pending);
  int n = BIO_read(write_bio_, out.data(), static_cast<int>(pending));
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return out;
}

std::string TlsChannel::cipher() const {
  const char* name = SSL_get_cipher_name(ssl_);
  return name != nullptr ? name : "";
}

std::string TlsChannel::version() const {
  const char* name = SSL_get_version(ssl_);
  return name != nullptr ? name : "";
}

}  // namespace minisql::net
