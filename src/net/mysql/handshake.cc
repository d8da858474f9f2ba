// handshake.cc — see handshake.h for the byte layouts.
#include "net/mysql/handshake.h"

#include "net/mysql/protocol_constants.h"
#include "net/mysql/wire_codec.h"
#include "session/server_context.h"
#include "types/field_type.h"

namespace minisql::net {

namespace {

constexpr size_t kSslRequestLength = 32;  // caps 4 + max packet 4 + charset 1 + filler 23

std::string_view ScrambleBytes(const Scramble& scramble, size_t from, size_t n) {
  return std::string_view(reinterpret_cast<const char*>(scramble.data()) + from, n);
}

}  // namespace

std::string BuildHandshakeV10(uint32_t connection_id, const Scramble& scramble,
                              uint32_t capabilities, uint16_t status_flags) {
  std::string out;
  AppendInt1(&out, 10);
  AppendNulString(&out, kServerVersion);
  AppendInt4(&out, connection_id);
  out.append(ScrambleBytes(scramble, 0, 8));
  AppendInt1(&out, 0);
  AppendInt2(&out, static_cast<uint16_t>(capabilities & 0xffff));
  AppendInt1(&out, static_cast<uint8_t>(kCharsetUtf8mb4));
  AppendInt2(&out, status_flags);
  AppendInt2(&out, static_cast<uint16_t>(capabilities >> 16));
  AppendInt1(&out, kScrambleLength + 1);
  out.append(10, '\0');
  out.append(ScrambleBytes(scramble, 8, kScrambleLength - 8));
  AppendInt1(&out, 0);
  AppendNulString(&out, kNativePasswordPlugin);
  return out;
}

bool IsSslRequest(std::string_view payload) {
  if (payload.size() != kSslRequestLength) return false;
  PayloadReader reader(payload);
  uint32_t capabilities = reader.ReadInt4();
  return (capabilities & kClientSsl) && (capabilities & kClientProtocol41);
}

Result<HandshakeResponse41> ParseHandshakeResponse41(std::string_view payload) {
  Status bad_handshake = Status::Error(ErrorCode::kHandshakeError);
  PayloadReader reader(payload);
  HandshakeResponse41 response;
  response.capabilities = reader.ReadInt4();
  if (!reader.ok() || !(response.capabilities & kClientProtocol41)) return bad_handshake;
  // An SSLRequest stops right after the fixed part; the protocol handles it before us.
  if (payload.size() <= kSslRequestLength) return bad_handshake;
  response.max_packet_size = reader.ReadInt4();
  response.charset = reader.ReadInt1();
  reader.Skip(23);
  response.user = std::string(reader.ReadNulString());
  if (response.capabilities & kClientPluginAuthLenencClientData) {
    response.auth_response = std::string(reader.ReadLenencString());
  } else if (response.capabilities & kClientSecureConnection) {
    uint8_t length = reader.ReadInt1();
    response.auth_response = std::string(reader.ReadFixedString(length));
  } else {
    response.auth_response = std::string(reader.ReadNulString());
  }
  if (!reader.ok()) return bad_handshake;
  // The trailing fields are optional in practice: clients that set the flag but have
  // nothing to say may end the packet early.
  if ((response.capabilities & kClientConnectWithDb) && !reader.at_end()) {
    response.database = std::string(reader.ReadNulString());
  }
  if ((response.capabilities & kClientPluginAuth) && !reader.at_end()) {
    response.auth_plugin = std::string(reader.ReadNulString());
  }
  if ((response.capabilities & kClientConnectAttrs) && !reader.at_end()) {
    uint64_t length = reader.ReadLenencInt();
    if (length > reader.remaining()) return bad_handshake;
    reader.Skip(static_cast<size_t>(length));
  }
  if (!reader.ok()) return bad_handshake;
  return response;
}

Result<HandshakeResponse41> ParseChangeUser(std::string_view payload, uint32_t capabilities) {
  Status bad_handshake = Status::Error(ErrorCode::kHandshakeError);
  PayloadReader reader(payload);
  HandshakeResponse41 request;
  request.capabilities = capabilities;
  request.user = std::string(reader.ReadNulString());
  if (capabilities & kClientSecureConnection) {
    uint8_t length = reader.ReadInt1();
    request.auth_response = std::string(reader.ReadFixedString(length));
  } else {
    request.auth_response = std::string(reader.ReadNulString());
  }
  if (!reader.ok()) return bad_handshake;
  if (!reader.at_end()) request.database = std::string(reader.ReadNulString());
  if (!reader.at_end()) request.charset = reader.ReadInt2();
  if ((capabilities & kClientPluginAuth) && !reader.at_end()) {
    request.auth_plugin = std::string(reader.ReadNulString());
  }
  // Connection attributes may follow; nothing in them matters to us.
  if (!reader.ok()) return bad_handshake;
  return request;
}

std::string BuildAuthSwitchRequest(const Scramble& scramble, std::string_view plugin) {
  std::string out;
  AppendInt1(&out, kEofHeader);
  AppendNulString(&out, plugin);
  out.append(ScrambleBytes(scramble, 0, kScrambleLength));
  AppendInt1(&out, 0);
  return out;
}

}  // namespace minisql::net
