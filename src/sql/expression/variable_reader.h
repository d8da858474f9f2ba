// variable_reader.h — what the binder and the evaluator may read of a session's
// variables, and the result types @user and @@system variables give.
//
// MySQL fixes the type of `SELECT @v` when the statement is prepared, from the value
// @v holds then (an assignment later in the same statement does not change the
// column's type), and the type of `SELECT @@x` from the variable's definition:
//
//   value / definition             result type         wire (ColumnDefinition41)
//   @v integer                     BIGINT              LONGLONG, length 20
//   @v unsigned integer            BIGINT UNSIGNED     LONGLONG UNSIGNED
//   @v decimal                     DECIMAL(38, scale)  NEWDECIMAL
//   @v double                      DOUBLE              DOUBLE
//   @v string                      TEXT                BLOB, the connection charset
//   @v binary string, NULL, unset  LONGBLOB            BLOB, binary
//   @@x integer                    BIGINT UNSIGNED     LONGLONG UNSIGNED, length 21
//   @@x boolean                    BIGINT(1)           LONGLONG, length 1
//   @@x fractional                 DECIMAL / DOUBLE    NEWDECIMAL / DOUBLE (as held:
//                                                      MariaDB says DOUBLE for both)
//   @@x text                       VARCHAR(its length) VAR_STRING
//
// (MySQL and MariaDB send the string cases as LONG_BLOB, which minisql's ColumnType
// cannot name; BLOB is the same class of type to every driver: text when its charset
// is not binary.)
//
// The session's EvalContext is a VariableReader (expression.h). The statement binder
// holds one when it binds for a session (sql/binder/binder.h, Binder::set_variables);
// contexts that cannot know the session (DDL defaults, CHECK constraints, tests)
// have none, and there every variable is typed VARCHAR and read as text, as before.
#pragma once

#include <string>

#include "common/status.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

class VariableReader {
 public:
  virtual ~VariableReader() = default;
  /// @name: its value, NULL if unset. Names are case-insensitive.
  virtual Value UserVariable(const std::string& name) const = 0;
  /// @@[scope.]name (scope: "", "session" or "global"); 1193 if unknown, 1238 for a
  /// scope the variable does not have.
  virtual Result<Value> SystemVariable(const std::string& name, const std::string& scope) const = 0;
  /// The type `SELECT @@[scope.]name` gives (table above), with the same errors as
  /// SystemVariable. The default, for readers without definitions: VARCHAR.
  virtual Result<ColumnType> SystemVariableType(const std::string& name,
                                                const std::string& scope) const;
};

/// The type `SELECT @v` gives when @v holds `value` (table above).
ColumnType UserVariableType(const Value& value);

}  // namespace minisql::sql
