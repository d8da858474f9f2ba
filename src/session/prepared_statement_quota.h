// prepared_statement_quota.h — max_prepared_stmt_count: how many prepared statements
// may be open at once in the whole server, counting both kinds (COM_STMT_PREPARE
// statements and SQL PREPARE names), as in MySQL.
//
//   Prepare / PREPARE name ──► ReservePreparedStatement ──► count < limit ? count+1 : 1461
//   COM_STMT_CLOSE, DEALLOCATE PREPARE, re-PREPARE of a name,
//   and the end of a session (disconnect, COM_RESET_CONNECTION, COM_CHANGE_USER)
//                           ──► ReleasePreparedStatements(n)
//
// The count lives in ServerContext (server-wide state); the limit is the GLOBAL system
// variable max_prepared_stmt_count (default 16382; SET GLOBAL changes it, 0 forbids
// preparing). Lowering the limit closes nothing: it only refuses new statements.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "session/server_context.h"

namespace minisql {

/// Counts one more open prepared statement, or answers 1461 when the server already
/// holds max_prepared_stmt_count of them.
Status ReservePreparedStatement(ServerContext* context);

/// Gives back `count` statements reserved earlier.
void ReleasePreparedStatements(ServerContext* context, uint64_t count);

}  // namespace minisql
