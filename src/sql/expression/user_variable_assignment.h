// user_variable_assignment.h — `@name := value` inside an expression.
//
//   SELECT @total := @total + price FROM items       running total, row by row
//
// Evaluating it evaluates `value`, stores the result in the session's user variable
// (EvalContext::AssignUserVariable; names are case-insensitive) and yields it, so the
// expression has the value's type. The value keeps its kind (integer, DECIMAL, DOUBLE,
// string, NULL) in the variable, as MySQL keeps it. `SET @v = expr` is the statement
// form and is handled by the session (session_commands.cc).
#pragma once

#include <string>

#include "sql/expression/expression.h"

namespace minisql::sql {

ExpressionPtr MakeUserVariableAssignment(std::string name, ExpressionPtr value);

}  // namespace minisql::sql
