// handshake.h — the connection phase: HandshakeV10 out, HandshakeResponse41 in.
//
//   server                                  client
//     | -- HandshakeV10 (seq 0) ------------->  |   version, connection id, scramble
//     | <- HandshakeResponse41 (seq 1) -------  |   caps, user, auth token, db, plugin
//     | -- AuthSwitchRequest (seq 2) -------->  |   only if the client used another plugin
//     | <- auth token (seq 3) ----------------  |
//     | -- OK_Packet / ERR_Packet ------------>  |
//
// HandshakeV10 payload:
//   int<1>      protocol version = 10
//   string<NUL> server version (kServerVersion)
//   int<4>      connection id
//   string[8]   scramble[0..8)
//   int<1>      0x00 filler
//   int<2>      capability flags, low 16 bits
//   int<1>      character set (45 utf8mb4_general_ci)
//   int<2>      status flags (SERVER_STATUS_AUTOCOMMIT)
//   int<2>      capability flags, high 16 bits
//   int<1>      auth plugin data length = 21
//   string[10]  reserved, zero (MariaDB puts its extended caps here; we have none)
//   string[13]  scramble[8..20) + 0x00
//   string<NUL> auth plugin name "mysql_native_password"
//
// HandshakeResponse41 payload:
//   int<4>      client capability flags
//   int<4>      max packet size
//   int<1>      character set
//   string[23]  filler
//   string<NUL> user name
//   auth token: string<lenenc> if PLUGIN_AUTH_LENENC_CLIENT_DATA,
//               int<1> length + bytes if SECURE_CONNECTION, else string<NUL>
//   string<NUL> database            if CONNECT_WITH_DB
//   string<NUL> auth plugin name    if PLUGIN_AUTH
//   int<lenenc> length + key/value pairs   if CONNECT_ATTRS (skipped)
//
// An SSLRequest is the first 32 bytes of a HandshakeResponse41 (caps, max packet,
// charset, filler) with CLIENT_SSL set. The client then starts a TLS handshake on the
// same socket and sends its full HandshakeResponse41 (sequence id 2) inside TLS:
//
//     | -- HandshakeV10 (seq 0, CLIENT_SSL) -->  |
//     | <- SSLRequest (seq 1, 32 bytes) ------  |
//     | <========= TLS handshake ============>  |
//     | <- HandshakeResponse41 (seq 2) -------  |   now encrypted
//     | -- OK_Packet (seq 3) ----------------->  |
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "net/mysql/native_password.h"

namespace minisql::net {

/// The HandshakeV10 payload for a connection.
std::string BuildHandshakeV10(uint32_t connection_id, const Scramble& scramble,
                              uint32_t capabilities, uint16_t status_flags);

struct HandshakeResponse41 {
  uint32_t capabilities = 0;
  uint32_t max_packet_size = 0;
  uint16_t charset = 0;  // a collation id (types/charset.h); 0 = none sent
  std::string user;
  std::string auth_response;
  std::string database;     // "" if none
  std::string auth_plugin;  // "" if the client did not name one
};

/// True if `payload` is an SSLRequest: exactly 32 bytes with CLIENT_SSL and PROTOCOL_41.
bool IsSslRequest(std::string_view payload);

/// Parses a HandshakeResponse41 payload. Truncated or malformed input, a pre-4.1
/// client and an SSLRequest give ER_HANDSHAKE_ERROR (1043 "Bad handshake").
Result<HandshakeResponse41> ParseHandshakeResponse41(std::string_view payload);

/// COM_CHANGE_USER's arguments (after the command byte), read into the same struct:
///   string<NUL> user; auth token (int<1> length + bytes with SECURE_CONNECTION, else
///   string<NUL>); string<NUL> database; then, if bytes remain, int<2> character set,
///   string<NUL> auth plugin (PLUGIN_AUTH), attributes (CONNECT_ATTRS, skipped).
/// `capabilities` are the ones negotiated at login. Malformed input: 1043.
Result<HandshakeResponse41> ParseChangeUser(std::string_view payload, uint32_t capabilities);

/// AuthSwitchRequest: 0xFE, string<NUL> plugin name, plugin data (scramble + 0x00; the
/// trailing NUL is what libmariadb and Connector/J expect).
std::string BuildAuthSwitchRequest(const Scramble& scramble,
                                   std::string_view plugin = "mysql_native_password");

}  // namespace minisql::net
