// process_list.h — SHOW [FULL] PROCESSLIST and information_schema.PROCESSLIST: the
// sessions of the server (session_registry.h) as one session may see them.
//
// Visibility follows MySQL: an account with SUPER (minisql has no separate PROCESS
// privilege; SUPER stands in for it) sees every session, any other sees only the
// sessions logged in under its own user name.
//
//   Id  User  Host             db    Command  Time  State      Info
//   7   root  localhost:51234  shop  Query    3     executing  SELECT SLEEP(60)
//   8   app   localhost:51240  NULL  Sleep    12    NULL       NULL
//
// Info is the running statement's text, cut to its first 100 characters unless FULL
// is given (information_schema.PROCESSLIST always has all of it).
#pragma once

#include <vector>

#include "common/status.h"
#include "session/server_context.h"
#include "session/session_registry.h"
#include "session/session_state.h"

namespace minisql {

/// SHOW PROCESSLIST without FULL shows this many characters of Info.
inline constexpr size_t kProcessListInfoChars = 100;

/// The sessions `viewer` may see, by id.
Result<std::vector<ProcessInfo>> VisibleProcesses(ServerContext* context,
                                                  const SessionState& viewer);

/// One row per visible session, columns as SHOW PROCESSLIST (full: Info uncut).
Result<std::vector<Row>> ProcessListRows(ServerContext* context, const SessionState& viewer,
                                         bool full);

/// Whether the session's account holds SUPER (may see and KILL every session).
Result<bool> HoldsSuper(ServerContext* context, const SessionState& session);

}  // namespace minisql
