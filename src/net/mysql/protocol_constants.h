// protocol_constants.h — numbers of the MySQL client/server protocol that minisql uses.
//
// Names follow the MySQL documentation (CLIENT_*, COM_*); values from the MySQL
// source include/mysql_com.h.
#pragma once

#include <cstdint>

namespace minisql::net {

/// Capability flags (CLIENT_*), exchanged in HandshakeV10 and HandshakeResponse41.
enum CapabilityFlag : uint32_t {
  kClientLongPassword = 1u << 0,  // CLIENT_LONG_PASSWORD; set = "no MariaDB extensions"
  kClientFoundRows = 1u << 1,     // UPDATE reports matched instead of changed rows
  kClientLongFlag = 1u << 2,
  kClientConnectWithDb = 1u << 3,  // HandshakeResponse41 carries a database name
  kClientNoSchema = 1u << 4,
  kClientCompress = 1u << 5,
  kClientLocalFiles = 1u << 7,
  kClientProtocol41 = 1u << 9,
  kClientInteractive = 1u << 10,
  kClientSsl = 1u << 11,
  kClientIgnoreSigpipe = 1u << 12,
  kClientTransactions = 1u << 13,
  kClientReserved = 1u << 14,
  kClientSecureConnection = 1u << 15,  // 1-byte-length auth response
  kClientMultiStatements = 1u << 16,
  kClientMultiResults = 1u << 17,
  kClientPsMultiResults = 1u << 18,
  kClientPluginAuth = 1u << 19,
  kClientConnectAttrs = 1u << 20,
  kClientPluginAuthLenencClientData = 1u << 21,  // lenenc auth response
  kClientSessionTrack = 1u << 23,
  kClientDeprecateEof = 1u << 24,  // result sets end with an OK packet (0xFE header)
};

/// What the server announces: exactly what minisql implements. This is the set
/// validated against every client in ../shared/reference/client-queries.md §1 plus
/// DEPRECATE_EOF (implemented by the response writer) and SESSION_TRACK (the OK packet's
/// info as string<lenenc>; we never report session-state changes) and MULTI_STATEMENTS.
/// SSL is added per connection when TLS is configured (libmariadb tools insist on TLS
/// once it is announced). Deliberately absent: COMPRESS, LOCAL_FILES.
inline constexpr uint32_t kServerCapabilities =
    kClientLongPassword | kClientFoundRows | kClientLongFlag | kClientConnectWithDb |
    kClientProtocol41 | kClientInteractive | kClientIgnoreSigpipe | kClientTransactions |
    kClientReserved | kClientSecureConnection | kClientMultiResults | kClientPsMultiResults |
    kClientPluginAuth | kClientConnectAttrs | kClientPluginAuthLenencClientData |
    kClientSessionTrack | kClientDeprecateEof | kClientMultiStatements;

/// Command bytes: the first byte of every packet a client sends after authentication.
enum class Command : uint8_t {
  kQuit = 0x01,             // COM_QUIT
  kInitDb = 0x02,           // COM_INIT_DB
  kQuery = 0x03,            // COM_QUERY
  kFieldList = 0x04,        // COM_FIELD_LIST
  kStatistics = 0x09,       // COM_STATISTICS
  kProcessKill = 0x0c,      // COM_PROCESS_KILL: int<4> connection id; KILL id
  kPing = 0x0e,             // COM_PING
  kChangeUser = 0x11,       // COM_CHANGE_USER: re-authenticate, new session
  kSetOption = 0x1b,        // COM_SET_OPTION: multi-statements on (0) / off (1)
  kResetConnection = 0x1f,  // COM_RESET_CONNECTION: new session, same user
  // Prepared statements (binary protocol): see mysql_protocol_stmt.cc.
  kStmtPrepare = 0x16,       // COM_STMT_PREPARE
  kStmtExecute = 0x17,       // COM_STMT_EXECUTE
  kStmtSendLongData = 0x18,  // COM_STMT_SEND_LONG_DATA (no response)
  kStmtClose = 0x19,         // COM_STMT_CLOSE (no response)
  kStmtReset = 0x1a,         // COM_STMT_RESET
  kStmtFetch = 0x1c,         // COM_STMT_FETCH
};

/// First bytes of server packets.
inline constexpr uint8_t kOkHeader = 0x00;
inline constexpr uint8_t kEofHeader = 0xfe;  // also AuthSwitchRequest, and OK with DEPRECATE_EOF
inline constexpr uint8_t kErrHeader = 0xff;
inline constexpr uint8_t kNullColumn = 0xfb;  // NULL in a text result row

inline constexpr const char* kNativePasswordPlugin = "mysql_native_password";

}  // namespace minisql::net
