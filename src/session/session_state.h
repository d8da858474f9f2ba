// session_state.h — everything one session remembers between statements, and the
// EvalContext through which expressions read it (DATABASE(), USER(),
// LAST_INSERT_ID(), @user_variables, @@system_variables).
#pragma once

#include <map>
#include <string>

#include "common/status.h"
#include "session/system_variables.h"
#include "sql/expression/expression.h"

namespace minisql {

class SessionState : public sql::EvalContext {
 public:
  SessionState(SystemVariables* globals, uint32_t connection_id, std::string user, std::string host)
      : globals_(globals),
        connection_id_(connection_id),
        user_(std::move(user)),
        host_(std::move(host)) {}

  // --- EvalContext -------------------------------------------------------------------
  std::string CurrentDatabase() const override { return current_database; }
  std::string CurrentUser() const override { return user_ + "@" + host_; }
  uint32_t ConnectionId() const override { return connection_id_; }
  uint64_t LastInsertId() const override { return last_insert_id; }
  Value UserVariable(const std::string& name) const override;
  Result<Value> SystemVariable(const std::string& name, const std::string& scope) const override;
  int64_t StatementTimeMicros() const override {
    return statement_time_micros != 0 ? statement_time_micros : sql::WallClockMicros();
  }

  // --- Variables ---------------------------------------------------------------------
  void SetUserVariable(const std::string& name, Value value);
  /// SET [SESSION|GLOBAL] name = value (`value` null: DEFAULT). `scope` is "",
  /// "session" or "global".
  Status SetSystemVariable(const std::string& name, const std::string& scope, const Value* value);
  /// The session's value of a variable (its override, else the global value).
  Value SessionValue(const SystemVariableDef& def) const;
  SystemVariables* globals() const { return globals_; }

  std::string current_database;
  uint64_t last_insert_id = 0;
  /// When the running statement started (NOW()); set by StatementRunner::Run.
  int64_t statement_time_micros = 0;
  /// The last statement's error, for SHOW WARNINGS / SHOW ERRORS (OK if none).
  Status last_error;

 private:
  SystemVariables* globals_;
  uint32_t connection_id_;
  std::string user_;
  std::string host_;
  std::map<std::string, Value> user_variables_;     // lower-case names
  std::map<std::string, Value> session_overrides_;  // lower-case names
};

}  // namespace minisql
