// native_password.h — the mysql_native_password authentication method.
//
// The server never stores or receives the password itself:
//
//   stored (mysql.user auth_string)  "*" + HEX(SHA1(SHA1(password)))   ("" = no password)
//   server -> client                  scramble: 20 random bytes, new for every connection
//   client -> server                  token = SHA1(password) XOR SHA1(scramble +
//   SHA1(SHA1(password)))
//
// The server knows SHA1(SHA1(password)) = stage2, so it computes SHA1(scramble + stage2),
// XORs it out of the token to recover candidate = SHA1(password), and accepts when
// SHA1(candidate) == stage2. An empty token means "no password".
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace minisql::net {

inline constexpr size_t kScrambleLength = 20;
using Scramble = std::array<uint8_t, kScrambleLength>;

/// A fresh random scramble from OpenSSL's RAND_bytes. Like MySQL, the bytes are kept
/// printable ASCII, so the scramble never contains the NUL that terminates it in
/// HandshakeV10 and AuthSwitchRequest.
Scramble GenerateScramble();

/// True if `token` (the client's auth response) proves knowledge of the password
/// whose hash is `auth_string` ("*" + 40 hex digits, or "" for no password).
bool VerifyNativePassword(std::string_view auth_string, const Scramble& scramble,
                          std::string_view token);

/// "*" + HEX(SHA1(SHA1(password))), upper case — what PASSWORD('...') returns; "" for "".
std::string NativePasswordHash(std::string_view password);

/// The token a client computes (used by tests and by tools that log in).
std::string NativePasswordToken(std::string_view password, const Scramble& scramble);

}  // namespace minisql::net
