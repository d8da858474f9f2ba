// session_registry.h — every live session of the server, for KILL and SHOW PROCESSLIST.
//
// Each Session owns a SessionActivity and registers it with the server's one
// SessionRegistry (ServerContext::sessions()) for its lifetime. The activity is what
// other connections may see or touch of a session, so everything in it is
// thread-safe: a mutex guards the text fields, and the KILL flag is an atomic
// (common/interrupt_flag.h).
//
//   session 7's worker thread                       any other worker thread
//   ─────────────────────────                       ───────────────────────
//   ExecuteQuery: BeginCommand("Query", sql) ──┐    SHOW PROCESSLIST: Snapshot()
//     executor checks interrupt() per row      ├──► KILL QUERY 7: Kill(kQuery)
//   ...: EndCommand() (back to "Sleep")      ──┘    KILL 7: Kill(kConnection) ─► disconnect
//                                                   handler (net layer) closes the socket
//
// Command state per session (Command column):
//
//   (login) ──► Sleep ──COM_QUERY──► Query ──statement done──► Sleep
//                  │                   │ KILL QUERY: statement fails 1317, back to Sleep
//                  │                   └ KILL: statement fails 1927, connection closes
//                  └ KILL: the net layer closes the idle connection
//
// The registry does not own connections: KILL CONNECTION raises the flag (a running
// statement stops) and calls the disconnect handler the network layer installed, which
// closes the connection on its event loop once its running statement, if any, ended.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/interrupt_flag.h"

namespace minisql {

/// One row of SHOW PROCESSLIST, copied out of a SessionActivity.
struct ProcessInfo {
  uint32_t id = 0;
  std::string user;
  std::string host;                  // "localhost:51234" as MySQL shows TCP clients
  std::optional<std::string> db;     // none selected: NULL
  std::string command;               // "Sleep", "Query", "Execute"
  int64_t seconds = 0;               // in this command (or idle) for this long
  std::optional<std::string> state;  // what the command waits for, e.g. "User sleep"
  std::optional<std::string> info;   // the running statement's text; NULL when idle
};

class SessionActivity {
 public:
  SessionActivity(uint32_t id, std::string user, std::string host);

  uint32_t id() const { return id_; }
  /// The account name the client logged in with (who may KILL it without SUPER).
  const std::string& user() const { return user_; }
  InterruptFlag* interrupt() { return &interrupt_; }
  const InterruptFlag* interrupt() const { return &interrupt_; }

  /// The client's address as the Host column shows it (set once the net layer knows it).
  void SetHost(std::string host);
  /// A command starts (forgets an earlier KILL QUERY): `command` is the Command column,
  /// `info` the statement text.
  void BeginCommand(const char* command, std::string info, std::string db);
  /// The command ended: back to Sleep.
  void EndCommand(std::string db);
  /// The State column ("" clears it): what the running command is waiting for.
  void SetState(const char* state);

  ProcessInfo Snapshot(std::chrono::steady_clock::time_point now) const;

 private:
  const uint32_t id_;
  const std::string user_;
  InterruptFlag interrupt_;
  mutable std::mutex mutex_;  // guards everything below
  std::string host_;
  std::string db_;
  const char* command_ = "Sleep";
  const char* state_ = "";
  std::optional<std::string> info_;
  std::chrono::steady_clock::time_point since_ = std::chrono::steady_clock::now();
};

class SessionRegistry {
 public:
  /// Called with the connection id; must be thread-safe and must not block.
  using DisconnectHandler = std::function<void(uint32_t connection_id)>;

  /// A session starts. A later session of the same connection (COM_CHANGE_USER,
  /// COM_RESET_CONNECTION) replaces the entry.
  void Add(std::shared_ptr<SessionActivity> activity);
  /// A session ends; nothing happens if a newer session of its connection replaced it.
  void Remove(const SessionActivity* activity);
  /// The session of connection `id`, or null.
  std::shared_ptr<SessionActivity> Find(uint32_t id) const;
  /// Every session, by connection id.
  std::vector<ProcessInfo> List() const;
  size_t size() const;

  /// KILL QUERY (kQuery) or KILL [CONNECTION] (kConnection) of `target`: raises its
  /// flag; a connection kill also asks the disconnect handler to close it.
  void Kill(SessionActivity* target, InterruptFlag::Kind kind);

  /// The network layer's way to close a connection (null: nobody to ask, e.g. tests).
  void SetDisconnectHandler(DisconnectHandler handler);

 private:
  mutable std::mutex mutex_;
  std::map<uint32_t, std::shared_ptr<SessionActivity>> sessions_;
  DisconnectHandler disconnect_;  // under mutex_
};

}  // namespace minisql
