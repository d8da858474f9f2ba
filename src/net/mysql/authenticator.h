// authenticator.h — one login's authentication exchange, independent of sockets.
//
// Used for the HandshakeResponse41 and for COM_CHANGE_USER. The protocol handler feeds
// client packets in and writes out whatever the authenticator answers, until it says
// granted or denied:
//
//   Start(client plugin, token)
//      │ client used the account's plugin ──► check the token ───────────────┐
//      │ another plugin ──► AuthSwitchRequest(account's plugin, new scramble)  │
//      ▼                                                                     │
//   kAwaitSwitchedToken ── token ──► check the token ─────────────────────────┤
//                                                                            │
//   check (mysql_native_password): granted / denied                          │
//   check (caching_sha2_password): cached and matching ─► 01 03, granted ◄───┘
//                                  otherwise ─► 01 04 ─► kAwaitPassword
//   kAwaitPassword:  secure transport: password+NUL in clear ─► granted / denied
//                    plain TCP: 02 ─► 01 + PEM public key ─► kAwaitRsaPassword
//                               (or RSA ciphertext right away, if it had the key)
//   kAwaitRsaPassword: RSA-OAEP ciphertext ─► decrypt, XOR scramble ─► granted / denied
//
// An unknown user is authenticated against an account that matches no password, so
// it takes the same path and gets the same 1045 as a wrong password.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "net/login_throttle.h"
#include "net/mysql/caching_sha2_password.h"
#include "net/mysql/native_password.h"
#include "storage/storage_engine.h"

namespace minisql::net {

/// Server-wide authentication state (owned by net::Server).
struct AuthServices {
  CachingSha2Cache cache;
  std::unique_ptr<RsaKeyPair> rsa;  // null: the plain-TCP full path is refused
  LoginThrottle throttle;           // failed logins per address (net/login_throttle.h)
};

class Authenticator {
 public:
  enum class Outcome { kContinue, kGranted, kDenied };
  struct Step {
    Outcome outcome;
    std::string reply;  // one packet payload to send first ("" = none)
  };

  /// `account` nullopt = unknown user. `secure` = TLS or Unix socket. `account_key`
  /// names the account in the cache ("user@host").
  Authenticator(AuthServices* services, std::optional<storage::UserRecord> account,
                std::string account_key, bool secure, const Scramble& scramble);

  /// The client's first token, computed with `client_plugin` ("" = native).
  Step Start(std::string_view client_plugin, std::string_view token);
  /// The client's next packet.
  Step Continue(std::string_view payload);

  /// For "(using password: YES/NO)".
  bool password_used() const { return password_used_; }

 private:
  enum class State { kIdle, kAwaitSwitchedToken, kAwaitPassword, kAwaitRsaPassword, kDone };

  Step CheckToken(std::string_view token);
  Step CheckPassword(std::string_view password);
  Step Finish(bool granted);

  AuthServices* services_;
  storage::UserRecord account_;
  std::string account_key_;
  bool secure_;
  Scramble scramble_;
  State state_ = State::kIdle;
  bool password_used_ = false;
};

}  // namespace minisql::net
