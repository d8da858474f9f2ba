// system_variables.h — the server's system variables (@@name, SET, SHOW VARIABLES).
//
// One table lists every variable minisql knows with its default, and whether it is
// read-only or boolean (booleans are 0/1 to SELECT @@x but ON/OFF in SHOW
// VARIABLES, as in MySQL). SystemVariables holds the GLOBAL values (one instance,
// owned by ServerContext, shared by all sessions under a mutex); each session keeps
// its own SESSION overrides in SessionState and falls back to the global value.
//
// Variables that describe behaviour minisql does not have yet (time_zone, sql_mode
// flags other than strictness ...) are stored and shown, so that clients which set
// them at connect time (mysqldump, JDBC) work; minisql's behaviour is documented
// per variable below where it differs.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql {

struct ServerOptions;

enum SystemVariableFlag : uint32_t {
  kVarReadOnly = 1,     // SET answers 1238 "Variable 'x' is a read only variable"
  kVarBoolean = 2,      // 0/1, shown as OFF/ON
  kVarGlobalOnly = 4,   // no SESSION value
  kVarSessionOnly = 8,  // no GLOBAL value
};

struct SystemVariableDef {
  std::string name;  // lower case
  Value default_value;
  uint32_t flags = 0;
};

class SystemVariables {
 public:
  explicit SystemVariables(const ServerOptions& options);

  /// The definition of `name` (any case), or null.
  const SystemVariableDef* Find(std::string_view name) const;
  /// All definitions, sorted by name.
  const std::vector<SystemVariableDef>& definitions() const { return definitions_; }

  Value GetGlobal(const SystemVariableDef& def) const;
  void SetGlobal(const SystemVariableDef& def, Value value);

  /// Checks and normalises a value for SET: booleans from ON/OFF/TRUE/1..., numbers
  /// for numeric variables (1232 otherwise), text for the rest.
  static Result<Value> Normalize(const SystemVariableDef& def, const Value& value);
  /// How SHOW VARIABLES prints a value.
  static std::string DisplayText(const SystemVariableDef& def, const Value& value);
  /// The type `SELECT @@name` gives, from the definition as MySQL derives it: BIGINT(1)
  /// for booleans, BIGINT UNSIGNED for integers (and sql_select_limit's 2^64-1),
  /// DECIMAL or DOUBLE for fractional numbers (as held), else VARCHAR as long as `value`, the
  /// current value (table in sql/expression/variable_reader.h).
  static ColumnType ResultType(const SystemVariableDef& def, const Value& value);

 private:
  std::vector<SystemVariableDef> definitions_;
  mutable std::mutex mu_;
  std::map<std::string, Value> globals_;  // only variables SET GLOBAL changed
};

/// Lower-cases ASCII.
std::string ToLower(std::string s);

}  // namespace minisql
