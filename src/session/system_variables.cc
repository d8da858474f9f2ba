// system_variables.cc — the table of system variables and their defaults.
#include "session/system_variables.h"

#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cmath>

#include "session/server_context.h"

namespace minisql {

std::string ToLower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

SystemVariables::SystemVariables(const ServerOptions& options) {
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  auto s = [](const char* v) { return Value::String(v); };
  auto i = [](int64_t v) { return Value::Int(v); };
  const char* sql_mode =
      "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";
  definitions_ = {
      {"auto_increment_increment", i(1), kVarReadOnly},
      {"auto_increment_offset", i(1), kVarReadOnly},
      {"autocommit", i(1), kVarBoolean},
      {"character_set_client", s("utf8mb4"), 0},
      {"character_set_connection", s("utf8mb4"), 0},
      {"character_set_database", s("utf8mb4"), 0},
      {"character_set_results", s("utf8mb4"), 0},
      {"character_set_server", s("utf8mb4"), 0},
      {"character_set_system", s("utf8mb3"), kVarReadOnly},
      {"collation_connection", s("utf8mb4_general_ci"), 0},
      {"collation_database", s("utf8mb4_general_ci"), 0},
      {"collation_server", s("utf8mb4_general_ci"), 0},
      {"datadir", s(options.datadir.c_str()), kVarReadOnly | kVarGlobalOnly},
      {"default_storage_engine", s("InnoDB"), 0},
      {"foreign_key_checks", i(1), kVarBoolean},
      // As MariaDB: YES when TLS is offered, DISABLED with --skip-ssl.
      {"have_ssl", s(options.skip_ssl ? "DISABLED" : "YES"), kVarReadOnly | kVarGlobalOnly},
      {"hostname", s(host), kVarReadOnly | kVarGlobalOnly},
      {"in_transaction", i(0), kVarReadOnly | kVarSessionOnly},  // computed (session_state.cc)
      // Row lock waits give up after the smaller of these (seconds): 1205.
      {"innodb_lock_wait_timeout", i(50), 0},
      {"init_connect", s(""), kVarGlobalOnly},
      {"interactive_timeout", i(28800), 0},
      {"license", s("MIT"), kVarReadOnly | kVarGlobalOnly},
      {"lock_wait_timeout", i(86400), 0},
      // A statement that runs longer (seconds) counts in SHOW STATUS Slow_queries.
      {"long_query_time", Value::FromDecimal(Decimal(10'000'000, 6)), 0},
      {"lower_case_table_names", i(0), kVarReadOnly | kVarGlobalOnly},
      {"max_allowed_packet", i(options.max_allowed_packet), 0},
      {"max_connections", i(options.max_connections), kVarGlobalOnly},
      // Server-wide limit on open prepared statements (prepared_statement_quota.h).
      {"max_prepared_stmt_count", i(16382), kVarGlobalOnly},
      {"max_recursive_iterations", i(1000), 0},  // WITH RECURSIVE (MariaDB)
      {"max_statement_time", Value::Double(0), 0},
      {"net_buffer_length", i(16384), 0},
      {"net_read_timeout", i(30), 0},
      {"net_write_timeout", i(60), 0},
      {"optimizer_switch", s("default"), 0},
      {"port", i(options.port), kVarReadOnly | kVarGlobalOnly},
      {"protocol_version", i(10), kVarReadOnly | kVarGlobalOnly},
      // Only read-only variables may be listed (session_state.cc): none is ever reported.
      {"session_track_system_variables", s(""), 0},
      {"socket", s(options.socket.c_str()), kVarReadOnly | kVarGlobalOnly},
      {"sql_auto_is_null", i(0), kVarBoolean},
      // Only strictness (STRICT_TRANS_TABLES, STRICT_ALL_TABLES, TRADITIONAL) changes
      // what minisql does (SessionState::StrictMode); the rest is stored for clients.
      {"sql_mode", s(sql_mode), 0},
      {"sql_notes", i(1), kVarBoolean},
      {"sql_quote_show_create", i(1), kVarBoolean},
      {"sql_select_limit", Value::FromDecimal(Decimal(static_cast<__int128>(UINT64_MAX), 0)), 0},
      {"sql_warnings", i(0), kVarBoolean},
      {"storage_engine", s("InnoDB"), 0},
      {"system_time_zone", s("UTC"), kVarReadOnly | kVarGlobalOnly},
      {"time_zone", s("SYSTEM"), 0},
      // minisql's own: log every packet of the connection, decoded (net/mysql/packet_trace.h).
      {"trace_protocol", i(options.trace_protocol ? 1 : 0), kVarBoolean},
      {"transaction_isolation", s("REPEATABLE-READ"), 0},
      {"transaction_read_only", i(0), kVarBoolean},
      {"tx_isolation", s("REPEATABLE-READ"), 0},
      {"tx_read_only", i(0), kVarBoolean},
      {"unique_checks", i(1), kVarBoolean},
      {"version", s(kServerVersion), kVarReadOnly | kVarGlobalOnly},
      {"version_comment", s(kVersionComment), kVarReadOnly | kVarGlobalOnly},
      {"version_compile_machine", s("x86_64"), kVarReadOnly | kVarGlobalOnly},
      {"version_compile_os", s("Linux"), kVarReadOnly | kVarGlobalOnly},
      {"wait_timeout", i(28800), 0},
  };
  std::sort(definitions_.begin(), definitions_.end(),
            [](const SystemVariableDef& a, const SystemVariableDef& b) { return a.name < b.name; });
}

const SystemVariableDef* SystemVariables::Find(std::string_view name) const {
  // The session looks up a few variables by their lower-case names for every statement
  // (autocommit, tx_isolation, ...): only a name with capitals is copied to fold it.
  bool has_upper = std::any_of(name.begin(), name.end(),
                               [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  std::string folded = has_upper ? ToLower(std::string(name)) : std::string();
  std::string_view key = has_upper ? std::string_view(folded) : name;
  auto it = std::lower_bound(
      definitions_.begin(), definitions_.end(), key,
      [](const SystemVariableDef& def, std::string_view k) { return def.name < k; });
  if (it == definitions_.end() || it->name != key) return nullptr;
  return &*it;
}

Value SystemVariables::GetGlobal(const SystemVariableDef& def) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = globals_.find(def.name);
  return it == globals_.end() ? def.default_value : it->second;
}

void SystemVariables::SetGlobal(const SystemVariableDef& def, Value value) {
  std::lock_guard<std::mutex> lock(mu_);
  globals_[def.name] = std::move(value);
}

Result<Value> SystemVariables::Normalize(const SystemVariableDef& def, const Value& value) {
  std::string text = value.is_null() ? "NULL" : value.ToText();
  if (def.flags & kVarBoolean) {
    std::string lower = ToLower(text);
    if (lower == "1" || lower == "on" || lower == "true") return Value::Int(1);
    if (lower == "0" || lower == "off" || lower == "false") return Value::Int(0);
    return Status::Error(ErrorCode::kWrongValueForVar, def.name, text);
  }
  switch (def.default_value.kind()) {
    case Value::Kind::kInt:
      if (value.kind() == Value::Kind::kInt) return value;
      if (value.kind() == Value::Kind::kDecimal || value.kind() == Value::Kind::kDouble) {
        double d = value.kind() == Value::Kind::kDouble ? value.double_value()
                                                        : value.decimal_value().ToDouble();
        return Value::Int(static_cast<int64_t>(std::llround(d)));
      }
      return Status::Error(ErrorCode::kWrongTypeForVar, def.name);
    case Value::Kind::kDouble:
    case Value::Kind::kDecimal:
      if (value.kind() == Value::Kind::kString || value.is_null()) {
        return Status::Error(ErrorCode::kWrongTypeForVar, def.name);
      }
      return value;
    default:
      if (value.is_null()) return Status::Error(ErrorCode::kWrongValueForVar, def.name, text);
      return Value::String(text);
  }
}

std::string SystemVariables::DisplayText(const SystemVariableDef& def, const Value& value) {
  if (value.is_null()) return "";
  if (def.flags & kVarBoolean)
    return value.kind() == Value::Kind::kInt && value.int_value() != 0 ? "ON" : "OFF";
  return value.ToText();
}

ColumnType SystemVariables::ResultType(const SystemVariableDef& def, const Value& value) {
  // Widths as MariaDB 10.11 reports them (mysql --column-type-info).
  if (def.flags & kVarBoolean) return ColumnType{TypeId::kBigInt, false, 1, 0};
  switch (def.default_value.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt:
      return ColumnType{TypeId::kBigInt, true, 21, 0};
    case Value::Kind::kDecimal:
      if (def.default_value.decimal_value().scale() == 0) {
        return ColumnType{TypeId::kBigInt, true, 21, 0};
      }
      // long_query_time: MariaDB says DOUBLE with 6 decimals and prints 10.000000; our
      // text rows print a DOUBLE by its value ("10"), so it stays the DECIMAL it is held as.
      return ColumnType{TypeId::kDecimal, false, Decimal::kMaxPrecision,
                        def.default_value.decimal_value().scale()};
    case Value::Kind::kDouble:
      return ColumnType{TypeId::kDouble, false, 0, 6};
    default: {
      size_t chars = value.is_null() ? 0 : value.ToText().size();
      return ColumnType{TypeId::kVarchar, false, static_cast<uint32_t>(std::max<size_t>(chars, 1)),
                        0};
    }
  }
}

}  // namespace minisql
