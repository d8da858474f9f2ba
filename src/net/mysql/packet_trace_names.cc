// packet_trace_names.cc — the names the protocol tracer prints (packet_trace.h):
// capability flags, server status flags, command bytes and column types, and the hex
// dump printed under every traced packet, and the quoting of text fields. Names follow the MySQL
// documentation without their CLIENT_ / SERVER_STATUS_ / MYSQL_TYPE_ prefixes.
#include <cstdio>
#include <string>
#include <string_view>

#include "net/mysql/packet_trace.h"

namespace minisql::net {

namespace {

// Joins the names of the set bits of `mask` with '|'; unnamed bits as one hex value.
template <size_t N>
std::string FlagNames(uint32_t mask, const char* const (&names)[N]) {
  std::string out;
  uint32_t unnamed = 0;
  for (size_t bit = 0; bit < 32; ++bit) {
    if (!(mask & (1u << bit))) continue;
    if (bit < N && names[bit] != nullptr) {
      if (!out.empty()) out += '|';
      out += names[bit];
    } else {
      unnamed |= 1u << bit;
    }
  }
  if (unnamed != 0) {
    char hex[16];
    std::snprintf(hex, sizeof(hex), "0x%x", unnamed);
    if (!out.empty()) out += '|';
    out += hex;
  }
  return out;
}

}  // namespace

std::string CapabilityNames(uint32_t capabilities) {
  static constexpr const char* kNames[] = {"LONG_PASSWORD",
                                           "FOUND_ROWS",
                                           "LONG_FLAG",
                                           "CONNECT_WITH_DB",
                                           "NO_SCHEMA",
                                           "COMPRESS",
                                           "ODBC",
                                           "LOCAL_FILES",
                                           "IGNORE_SPACE",
                                           "PROTOCOL_41",
                                           "INTERACTIVE",
                                           "SSL",
                                           "IGNORE_SIGPIPE",
                                           "TRANSACTIONS",
                                           "RESERVED",
                                           "SECURE_CONNECTION",
                                           "MULTI_STATEMENTS",
                                           "MULTI_RESULTS",
                                           "PS_MULTI_RESULTS",
                                           "PLUGIN_AUTH",
                                           "CONNECT_ATTRS",
                                           "PLUGIN_AUTH_LENENC_CLIENT_DATA",
                                           "CAN_HANDLE_EXPIRED_PASSWORDS",
                                           "SESSION_TRACK",
                                           "DEPRECATE_EOF",
                                           "OPTIONAL_RESULTSET_METADATA",
                                           "ZSTD_COMPRESSION",
                                           "QUERY_ATTRIBUTES",
                                           "MULTI_FACTOR_AUTH",
                                           "CAPABILITY_EXTENSION",
                                           "SSL_VERIFY_SERVER_CERT",
                                           "REMEMBER_OPTIONS"};
  return FlagNames(capabilities, kNames);
}

std::string ServerStatusNames(uint16_t status) {
  static constexpr const char* kNames[] = {"IN_TRANS",
                                           "AUTOCOMMIT",
                                           nullptr,
                                           "MORE_RESULTS_EXISTS",
                                           "NO_GOOD_INDEX_USED",
                                           "NO_INDEX_USED",
                                           "CURSOR_EXISTS",
                                           "LAST_ROW_SENT",
                                           "DB_DROPPED",
                                           "NO_BACKSLASH_ESCAPES",
                                           "METADATA_CHANGED",
                                           "QUERY_WAS_SLOW",
                                           "PS_OUT_PARAMS",
                                           "IN_TRANS_READONLY",
                                           "SESSION_STATE_CHANGED"};
  return FlagNames(status, kNames);
}

std::string CommandName(uint8_t command) {
  static constexpr const char* kNames[] = {"COM_SLEEP",
                                           "COM_QUIT",
                                           "COM_INIT_DB",
                                           "COM_QUERY",
                                           "COM_FIELD_LIST",
                                           "COM_CREATE_DB",
                                           "COM_DROP_DB",
                                           "COM_REFRESH",
                                           "COM_SHUTDOWN",
                                           "COM_STATISTICS",
                                           "COM_PROCESS_INFO",
                                           "COM_CONNECT",
                                           "COM_PROCESS_KILL",
                                           "COM_DEBUG",
                                           "COM_PING",
                                           "COM_TIME",
                                           "COM_DELAYED_INSERT",
                                           "COM_CHANGE_USER",
                                           "COM_BINLOG_DUMP",
                                           "COM_TABLE_DUMP",
                                           "COM_CONNECT_OUT",
                                           "COM_REGISTER_SLAVE",
                                           "COM_STMT_PREPARE",
                                           "COM_STMT_EXECUTE",
                                           "COM_STMT_SEND_LONG_DATA",
                                           "COM_STMT_CLOSE",
                                           "COM_STMT_RESET",
                                           "COM_SET_OPTION",
                                           "COM_STMT_FETCH",
                                           "COM_DAEMON",
                                           "COM_BINLOG_DUMP_GTID",
                                           "COM_RESET_CONNECTION"};
  if (command < std::size(kNames)) return kNames[command];
  char name[16];
  std::snprintf(name, sizeof(name), "COM_0x%02x", command);
  return name;
}

std::string FieldTypeName(uint8_t type) {
  static constexpr const char* kLow[] = {"DECIMAL", "TINY", "SHORT",     "LONG",     "FLOAT",
                                         "DOUBLE",  "NULL", "TIMESTAMP", "LONGLONG", "INT24",
                                         "DATE",    "TIME", "DATETIME",  "YEAR",     "NEWDATE",
                                         "VARCHAR", "BIT"};
  static constexpr const char* kHigh[] = {// 0xf5 ..
                                          "JSON",       "NEWDECIMAL",  "ENUM",      "SET",
                                          "TINY_BLOB",  "MEDIUM_BLOB", "LONG_BLOB", "BLOB",
                                          "VAR_STRING", "STRING",      "GEOMETRY"};
  if (type < std::size(kLow)) return kLow[type];
  if (type >= 0xf5) return kHigh[type - 0xf5];
  char name[16];
  std::snprintf(name, sizeof(name), "TYPE_0x%02x", type);
  return name;
}

std::string TraceQuote(std::string_view text, size_t max) {
  std::string out = "'";
  for (size_t i = 0; i < text.size() && i < max; ++i) {
    auto c = static_cast<uint8_t>(text[i]);
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "\\x%02x", c);
      out += hex;
    }
  }
  out += '\'';
  if (text.size() > max) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

std::string TraceHex32(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08x", value);
  return text;
}

std::string HexDump(std::string_view bytes, size_t max_bytes) {
  std::string out;
  size_t shown = bytes.size() < max_bytes ? bytes.size() : max_bytes;
  for (size_t line = 0; line < shown; line += 16) {
    char text[96];
    int n = std::snprintf(text, sizeof(text), "    %04zx  ", line);
    out.append(text, static_cast<size_t>(n));
    std::string ascii;
    for (size_t i = line; i < line + 16; ++i) {
      if (i < shown) {
        auto byte = static_cast<uint8_t>(bytes[i]);
        std::snprintf(text, sizeof(text), "%02x ", byte);
        out += text;
        ascii += byte >= 0x20 && byte < 0x7f ? static_cast<char>(byte) : '.';
      } else {
        out += "   ";
      }
    }
    out += ' ';
    out += ascii;
    out += '\n';
  }
  if (shown < bytes.size()) {
    out += "    ... " + std::to_string(bytes.size() - shown) + " more bytes\n";
  }
  return out;
}

}  // namespace minisql::net
