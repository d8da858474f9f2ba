// account_passwords.h — how account passwords are stored (UserRecord.auth_string).
//
// The session layer hashes passwords for CREATE USER / ALTER USER / SET PASSWORD; the
// network layer's authentication (net/mysql/authenticator.h) checks logins against the
// stored strings. Per plugin:
//
//   mysql_native_password   "*" + HEX(SHA1(SHA1(password))), upper case (41 chars), as
//                           MySQL stores it (see net/mysql/native_password.h)
//   caching_sha2_password   minisql's own salted format, not MySQL's `$A$005$` crypt:
//
//     "$minisql-sha256$" ROUNDS "$" HEX(salt) "$" HEX(PBKDF2-HMAC-SHA256(pw, salt, ROUNDS))
//      └── fixed tag ──┘ └5000┘     16 bytes          32 bytes
//     e.g. $minisql-sha256$5000$3f9c...(32 hex)$8e21...(64 hex)
//
//     PBKDF2 with 5000 rounds is deliberately slow, so a stolen account table is costly to
//     attack; the login fast path avoids it with an in-memory cache
//     (net/mysql/caching_sha2_password.h).
//
// An empty password is stored as "" for both plugins.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace minisql {

inline constexpr const char* kNativePasswordPluginName = "mysql_native_password";
inline constexpr const char* kCachingSha2PluginName = "caching_sha2_password";
/// What CREATE USER uses without IDENTIFIED WITH (MySQL 8's default).
inline constexpr const char* kDefaultAuthPlugin = kCachingSha2PluginName;

/// The stored string for `password` under `plugin`; 1524 (ER_PLUGIN_IS_NOT_LOADED) for
/// an unknown plugin.
Result<std::string> HashPassword(std::string_view plugin, std::string_view password);

/// True if `password` matches a caching_sha2_password stored string (constant time).
bool VerifyCachingSha2Password(std::string_view auth_string, std::string_view password);

}  // namespace minisql
