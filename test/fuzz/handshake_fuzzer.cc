// handshake_fuzzer.cc — fuzzes the connection phase a client controls before it has
// proven who it is: HandshakeResponse41 / SSLRequest parsing, COM_CHANGE_USER's
// arguments, and the authentication exchange that follows (the AuthSwitchResponse
// token, caching_sha2_password's clear-text password and public-key request).
//
// Input layout (the seed files in corpus/handshake/ hold captured client packets):
//
//   offset  size  field
//   0       1     mode: 0 = HandshakeResponse41 or SSLRequest payload
//                       1 = COM_CHANGE_USER arguments (after the 0x11 byte)
//                       2 = authentication exchange, see below
//   1       n     mode 0/1: the payload
//
//   mode 2: 1 byte account (0 native, 1 caching_sha2 without password,
//           2 caching_sha2 with password, 3 unknown user), 1 byte flags (bit 0: the
//           client's first token used the other plugin, so the server sends an
//           AuthSwitchRequest; bit 1: secure transport), then client packets as on
//           the wire (int<3> length, int<1> sequence id, payload), each handed to
//           Authenticator::Continue until the exchange ends.
//
// What must hold: parsing ends with a value or 1043 (never a crash), and the
// authenticator never grants a login to a token it did not verify (the fuzzer does
// not know the passwords, so kGranted is allowed only for the password-less account).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "net/mysql/authenticator.h"
#include "net/mysql/handshake.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/wire_codec.h"
#include "session/account_passwords.h"

namespace {

using minisql::net::Authenticator;

void Require(bool condition) {
  if (!condition) __builtin_trap();
}

// The capabilities stock clients negotiate with minisqld (mysql client, PyMySQL).
constexpr uint32_t kNegotiated = minisql::net::kServerCapabilities;

void FuzzHandshakeResponse(std::string_view payload) {
  bool ssl_request = minisql::net::IsSslRequest(payload);
  auto response = minisql::net::ParseHandshakeResponse41(payload);
  Require(!(ssl_request && response.ok()));  // an SSLRequest is never a login
  if (response.ok()) Require(response->user.size() < payload.size());
}

std::optional<minisql::storage::UserRecord> Account(uint8_t kind) {
  minisql::storage::UserRecord account;
  account.user = "fuzz";
  account.host = "%";
  switch (kind % 4) {
    case 0:
      account.plugin = minisql::net::kNativePasswordPlugin;
      account.auth_string = minisql::net::NativePasswordHash("a password nobody guesses");
      return account;
    case 1:
      account.plugin = minisql::net::kCachingSha2Plugin;
      return account;  // no password: an empty token logs in
    case 2: {
      // Hashed once: PBKDF2 is slow by design.
      static const std::string hash =
          *minisql::HashPassword(minisql::kCachingSha2PluginName, "a password nobody guesses");
      account.plugin = minisql::net::kCachingSha2Plugin;
      account.auth_string = hash;
      return account;
    }
    default:
      return std::nullopt;
  }
}

void FuzzAuthExchange(std::string_view input) {
  minisql::net::PayloadReader reader(input);
  uint8_t account_kind = reader.ReadInt1();
  uint8_t flags = reader.ReadInt1();
  if (!reader.ok()) return;
  std::optional<minisql::storage::UserRecord> account = Account(account_kind);
  bool passwordless = account && account->auth_string.empty();
  std::string plugin = account ? account->plugin : std::string(minisql::net::kCachingSha2Plugin);
  std::string other_plugin = plugin == minisql::net::kNativePasswordPlugin
                                 ? minisql::net::kCachingSha2Plugin
                                 : minisql::net::kNativePasswordPlugin;

  minisql::net::AuthServices services;  // no RSA key: the plain-TCP full path is refused
  minisql::net::Scramble scramble{};
  for (size_t i = 0; i < scramble.size(); ++i) scramble[i] = static_cast<uint8_t>('A' + i);
  Authenticator authenticator(&services, account, "fuzz@%", (flags & 2) != 0, scramble);
  Authenticator::Step step = authenticator.Start((flags & 1) ? other_plugin : plugin, "");
  while (step.outcome == Authenticator::Outcome::kContinue && reader.ok() && !reader.at_end()) {
    uint32_t length = reader.ReadInt3();
    reader.Skip(1);  // sequence id
    std::string_view payload = reader.ReadFixedString(length);
    if (!reader.ok()) payload = reader.ReadRest();
    step = authenticator.Continue(payload);
  }
  if (step.outcome == Authenticator::Outcome::kGranted) Require(passwordless);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      FuzzHandshakeResponse(rest);
      break;
    case 1: {
      auto request = minisql::net::ParseChangeUser(rest, kNegotiated);
      if (request.ok()) Require(request->user.size() <= rest.size());
      break;
    }
    default:
      FuzzAuthExchange(rest);
      break;
  }
  return 0;
}
