// session_state.cc — see session_state.h.
#include "session/session_state.h"

#include <algorithm>
#include <cctype>

#include "sql/executor/executor_context.h"
#include "types/charset.h"

namespace minisql {

Result<Value> NormalizeIsolationLevel(const std::string& variable, const Value& value) {
  std::string level = value.is_null() ? "NULL" : value.ToText();
  std::string upper;
  for (char c : level) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "REPEATABLE-READ" || upper == "READ-COMMITTED") return Value::String(upper);
  if (upper == "READ-UNCOMMITTED" || upper == "SERIALIZABLE") {
    return Status::Error(ErrorCode::kNotSupportedYet, "isolation level " + upper);
  }
  return Status::Error(ErrorCode::kWrongValueForVar, variable, level);
}

// session_track_system_variables: the variables whose changes the OK packet would report
// (CLIENT_SESSION_TRACK). minisql reports no session-state changes, so it accepts only
// variables that can never change within a session: read-only ones, which Connector/J
// asks for (auto_increment_increment). Tracking a settable one is refused rather than
// silently not done. The value is stored normalised: lower case, no spaces.
Result<Value> NormalizeTrackedVariables(const SystemVariables& variables, const Value& value) {
  std::string list = value.is_null() ? "" : ToLower(value.ToText());
  std::string normalized;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string name = list.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    start = comma + 1;
    if (name.empty()) continue;
    if (name == "*") {
      return Status::Error(ErrorCode::kNotSupportedYet, "session_track_system_variables = '*'");
    }
    const SystemVariableDef* def = variables.Find(name);
    if (def == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
    if (!(def->flags & kVarReadOnly)) {
      return Status::Error(ErrorCode::kNotSupportedYet, "tracking changes of " + def->name +
                                                            " (session_track_system_variables)");
    }
    normalized += (normalized.empty() ? "" : ",") + def->name;
  }
  return Value::String(normalized);
}

Value SessionState::UserVariable(const std::string& name) const {
  auto it = user_variables_.find(ToLower(name));
  return it == user_variables_.end() ? Value::Null() : it->second;
}

void SessionState::SetUserVariable(const std::string& name, Value value) {
  user_variables_[ToLower(name)] = std::move(value);
}

Status SessionState::AssignUserVariable(const std::string& name, Value value) const {
  user_variables_[ToLower(name)] = std::move(value);
  return Status::OK();
}

Value SessionState::SessionValue(const SystemVariableDef& def) const {
  auto it = session_overrides_.find(def.name);
  return it == session_overrides_.end() ? globals_->GetGlobal(def) : it->second;
}

bool SessionState::autocommit() const {
  const SystemVariableDef* def = globals_->Find("autocommit");
  return def == nullptr || SessionValue(*def).int_value() != 0;
}

bool SessionState::trace_protocol() const {
  const SystemVariableDef* def = globals_->Find("trace_protocol");
  return def != nullptr && SessionValue(*def).int_value() != 0;
}

// @@sql_mode is a comma-separated list of mode names, stored as the client wrote it
// (any case); only strictness and ERROR_FOR_DIVISION_BY_ZERO change what minisql does.
bool SessionState::HasSqlMode(std::initializer_list<std::string_view> any_of) const {
  const SystemVariableDef* def = globals_->Find("sql_mode");
  if (def == nullptr) return false;
  Value value = SessionValue(*def);
  if (value.is_null()) return false;
  std::string modes = ToLower(value.ToText());
  size_t start = 0;
  while (start <= modes.size()) {
    size_t comma = modes.find(',', start);
    if (comma == std::string::npos) comma = modes.size();
    std::string_view mode = std::string_view(modes).substr(start, comma - start);
    for (std::string_view wanted : any_of) {
      if (mode == wanted) return true;
    }
    start = comma + 1;
  }
  return false;
}

bool SessionState::StrictMode() const {
  return HasSqlMode({"strict_trans_tables", "strict_all_tables", "traditional"});
}

void SessionState::BeginStatementDiagnostics(sql::ExecutorContext* statement, bool changes_data,
                                             bool ignore) {
  statement_ = statement;
  if (!HasSqlMode({"error_for_division_by_zero", "traditional"})) {
    division_by_zero_ = DivisionByZeroAction::kNothing;
  } else if (changes_data && !ignore && StrictMode()) {
    division_by_zero_ = DivisionByZeroAction::kFail;
  } else {
    division_by_zero_ = DivisionByZeroAction::kWarn;
  }
}

void SessionState::EndStatementDiagnostics() {
  statement_ = nullptr;
  division_by_zero_ = DivisionByZeroAction::kNothing;
}

Status SessionState::DivisionByZero() const {
  switch (division_by_zero_) {
    case DivisionByZeroAction::kNothing:
      return Status::OK();
    case DivisionByZeroAction::kWarn:
      if (statement_ != nullptr) statement_->Warn(Status::Error(ErrorCode::kDivisionByZero));
      return Status::OK();
    case DivisionByZeroAction::kFail:
      return Status::Error(ErrorCode::kDivisionByZero);
  }
  return Status::OK();
}

uint64_t SessionState::select_limit() const {
  const SystemVariableDef* def = globals_->Find("sql_select_limit");
  if (def == nullptr) return UINT64_MAX;
  Value value = SessionValue(*def);
  switch (value.kind()) {
    case Value::Kind::kInt:
      return value.int_value() < 0 ? 0 : static_cast<uint64_t>(value.int_value());
    case Value::Kind::kUInt:  // SET sql_select_limit = @v, @v read from @@sql_select_limit
      return value.uint_value();
    case Value::Kind::kDecimal:
    case Value::Kind::kDouble: {
      double rows = value.kind() == Value::Kind::kDouble ? value.double_value()
                                                         : value.decimal_value().ToDouble();
      if (rows <= 0) return 0;
      return rows >= 18446744073709551615.0 ? UINT64_MAX : static_cast<uint64_t>(rows);
    }
    default:
      return UINT64_MAX;
  }
}

Result<Value> SessionState::SystemVariable(const std::string& name,
                                           const std::string& scope) const {
  const SystemVariableDef* def = globals_->Find(name);
  if (def == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  if (def->name == "in_transaction") return Value::Bool(transaction != nullptr);
  std::string lower_scope = ToLower(scope);
  if (lower_scope == "global") {
    if (def->flags & kVarSessionOnly) {
      return Status::Error(ErrorCode::kIncorrectGlobalLocalVar, def->name, "SESSION");
    }
    return globals_->GetGlobal(*def);
  }
  if (lower_scope == "session" && (def->flags & kVarGlobalOnly)) {
    return Status::Error(ErrorCode::kIncorrectGlobalLocalVar, def->name, "GLOBAL");
  }
  return SessionValue(*def);
}

Result<ColumnType> SessionState::SystemVariableType(const std::string& name,
                                                    const std::string& scope) const {
  Result<Value> value = SystemVariable(name, scope);  // unknown name, wrong scope
  if (!value.ok()) return value.status();
  return SystemVariables::ResultType(*globals_->Find(name), *value);
}

Status SessionState::SetSystemVariable(const std::string& name, const std::string& scope,
                                       const Value* value) {
  const SystemVariableDef* def = globals_->Find(name);
  if (def == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  if (def->flags & kVarReadOnly) {
    return Status::Error(ErrorCode::kIncorrectGlobalLocalVar, def->name, "read only");
  }
  bool global = ToLower(scope) == "global";
  if (global && (def->flags & kVarSessionOnly)) {
    return Status::Error(ErrorCode::kLocalVariable, def->name);
  }
  if (!global && (def->flags & kVarGlobalOnly)) {
    return Status::Error(ErrorCode::kGlobalVariable, def->name);
  }
  Value normalized = def->default_value;
  // character_set_results = NULL: results go out as stored, unconverted (MySQL).
  bool results_unconverted =
      def->name == "character_set_results" && value != nullptr && value->is_null();
  if (results_unconverted) {
    normalized = Value::Null();
  } else if (value != nullptr) {
    Result<Value> checked = SystemVariables::Normalize(*def, *value);
    if (!checked.ok()) return checked.status();
    normalized = std::move(*checked);
  } else if (!global) {
    normalized = globals_->GetGlobal(*def);  // SET SESSION x = DEFAULT: the global value
  }
  if (def->name == "session_track_system_variables") {
    Result<Value> tracked = NormalizeTrackedVariables(*globals_, normalized);
    if (!tracked.ok()) return tracked.status();
    normalized = std::move(*tracked);
  }
  // Each transaction characteristic has two names (MySQL 8's and MariaDB's); both
  // always hold the same value.
  std::string alias;
  if (def->name == "tx_isolation" || def->name == "transaction_isolation") {
    Result<Value> level = NormalizeIsolationLevel(def->name, normalized);
    if (!level.ok()) return level.status();
    normalized = std::move(*level);
    alias = def->name == "tx_isolation" ? "transaction_isolation" : "tx_isolation";
  } else if (def->name == "tx_read_only" || def->name == "transaction_read_only") {
    alias = def->name == "tx_read_only" ? "transaction_read_only" : "tx_read_only";
  }
  if (!alias.empty()) {
    const SystemVariableDef* other = globals_->Find(alias);
    if (other != nullptr) {
      if (global) {
        globals_->SetGlobal(*other, normalized);
      } else {
        session_overrides_[other->name] = normalized;
      }
    }
  }
  if (def->name.rfind("character_set_", 0) == 0 && !results_unconverted) {
    std::optional<CharacterSet> set = CharacterSetByName(normalized.ToText());
    if (!set) return Status::Error(ErrorCode::kUnknownCharacterSet, normalized.ToText());
    normalized = Value::String(std::string(CharacterSetName(*set)));  // utf8 → utf8mb3
  }
  if (global) {
    globals_->SetGlobal(*def, std::move(normalized));
  } else {
    session_overrides_[def->name] = std::move(normalized);
  }
  return Status::OK();
}

}  // namespace minisql
