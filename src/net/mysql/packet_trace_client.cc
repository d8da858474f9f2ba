// packet_trace_client.cc — the protocol tracer's half for client packets
// (packet_trace.h): the HandshakeResponse41 or SSLRequest, authentication data (never
// dumped: it may be a password), and commands, whose arguments are decoded with the
// same parsers the server uses (handshake.h, stmt_execute_request.h).
#include "net/mysql/handshake.h"
#include "net/mysql/packet_trace.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/stmt_execute_request.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

std::string PacketTracer::DescribeClient(std::string_view payload) {
  if (!client_spoke_) {
    PayloadReader reader(payload);
    uint32_t caps = reader.ReadInt4();
    if (IsSslRequest(payload)) {
      // The real HandshakeResponse41 follows inside TLS.
      return "SSLRequest (TLS handshake follows)\n  capabilities=" + TraceHex32(caps) + " " +
             CapabilityNames(caps);
    }
    client_spoke_ = true;
    Result<HandshakeResponse41> response = ParseHandshakeResponse41(payload);
    if (!response.ok())
      return "HandshakeResponse41 (malformed: " + response.status().message() + ")";
    client_capabilities_ = response->capabilities;
    return "HandshakeResponse41 user=" + TraceQuote(response->user) +
           " database=" + TraceQuote(response->database) +
           " auth_plugin=" + TraceQuote(response->auth_plugin) +
           " auth_response=" + std::to_string(response->auth_response.size()) +
           " bytes charset=" + std::to_string(response->charset) +
           " max_packet_size=" + std::to_string(response->max_packet_size) +
           "\n  capabilities=" + TraceHex32(response->capabilities) + " " +
           CapabilityNames(response->capabilities);
  }
  if (expect_ == Expect::kLogin) {
    if (payload.size() == 1 && static_cast<uint8_t>(payload[0]) == 0x02) {
      return "auth data: request public key (caching_sha2_password)";
    }
    return "auth data (AuthSwitchResponse / password exchange) " + std::to_string(payload.size()) +
           " bytes";
  }
  return DescribeCommand(payload);
}

std::string PacketTracer::DescribeCommand(std::string_view payload) {
  if (payload.empty()) return "empty command packet";
  command_ = static_cast<uint8_t>(payload[0]);
  std::string_view arguments = payload.substr(1);
  std::string out = CommandName(command_);
  expect_ = Expect::kResponse;
  binary_rows_ = false;
  switch (static_cast<Command>(command_)) {
    case Command::kQuery:
    case Command::kStmtPrepare:
      return out + " sql=" + TraceQuote(arguments, 1000);
    case Command::kInitDb:
      return out + " database=" + TraceQuote(arguments);
    case Command::kFieldList:
      return out + " table=" + TraceQuote(PayloadReader(arguments).ReadNulString());
    case Command::kQuit:
      expect_ = Expect::kIdle;
      return out;
    case Command::kChangeUser: {
      expect_ = Expect::kLogin;
      Result<HandshakeResponse41> request = ParseChangeUser(arguments, client_capabilities_);
      if (!request.ok()) return out + " (malformed)";
      return out + " user=" + TraceQuote(request->user) +
             " database=" + TraceQuote(request->database) +
             " auth_plugin=" + TraceQuote(request->auth_plugin);
    }
    case Command::kSetOption: {
      PayloadReader reader(arguments);
      uint16_t option = reader.ReadInt2();
      return out + (option == 0 ? " MULTI_STATEMENTS_ON" : " MULTI_STATEMENTS_OFF");
    }
    case Command::kStmtExecute: {
      binary_rows_ = true;
      Result<uint32_t> id = ReadStatementId(arguments);
      if (!id.ok()) return out + " (malformed)";
      auto known = param_counts_.find(*id);
      uint16_t params = known == param_counts_.end() ? 0 : known->second;
      out += " statement_id=" + std::to_string(*id) + " params=" + std::to_string(params);
      Result<StmtExecuteRequest> request = DecodeStmtExecute(arguments, params, {});
      if (!request.ok())
        return out + " (parameters not decoded: " + request.status().message() + ")";
      out += " flags=" + std::to_string(request->flags) +
             " iteration_count=" + std::to_string(request->iteration_count);
      for (size_t i = 0; i < request->params.size(); ++i) {
        uint16_t type = request->param_types[i];
        out += "\n  param[" + std::to_string(i) + "] type=" + FieldTypeName(type & 0xff) +
               ((type & kParamUnsignedFlag) ? " UNSIGNED" : "") + " value=" +
               (request->params[i].is_null() ? "NULL" : TraceQuote(request->params[i].ToText()));
      }
      return out;
    }
    case Command::kStmtSendLongData:
    case Command::kStmtClose:
      expect_ = Expect::kIdle;  // no response
      [[fallthrough]];
    case Command::kStmtReset:
    case Command::kStmtFetch: {
      Result<uint32_t> id = ReadStatementId(arguments);
      return out + (id.ok() ? " statement_id=" + std::to_string(*id) : " (malformed)");
    }
    case Command::kProcessKill: {
      PayloadReader reader(arguments);
      uint32_t connection_id = reader.ReadInt4();
      return out +
             (reader.ok() ? " connection_id=" + std::to_string(connection_id) : " (malformed)");
    }
    case Command::kStatistics:
    case Command::kPing:
    case Command::kResetConnection:
      return out;
  }
  return out + " (" + std::to_string(arguments.size()) + " argument bytes)";
}

}  // namespace minisql::net
