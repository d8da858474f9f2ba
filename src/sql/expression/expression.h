// expression.h — bound expressions: what the executor evaluates.
//
// The binder turns an ast::Expr (names as written) into an Expression tree whose
// column references are positions in the operator's input row and whose result type
// is known. Evaluating one is a pure function of the input row and the EvalContext.
//
//   ast:  price * 2          bound:  Arithmetic(kMul, ColumnRef(#2 DOUBLE), Literal(2))
//                                    type DOUBLE, nullable
//
// MySQL semantics live here and only here: three-valued logic (NULL AND FALSE is
// FALSE), comparisons between strings and numbers (compared as doubles), integer
// overflow errors, `/` giving DECIMAL with scale+4, case-insensitive string
// comparison under the default collation, LIKE with '%', '_' and '\' escapes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/interrupt_flag.h"
#include "common/status.h"
#include "sql/expression/variable_reader.h"
#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

/// What an expression may ask of the session while it runs: DATABASE(), USER(),
/// CONNECTION_ID(), LAST_INSERT_ID(), @user_variables, @@system_variables (the
/// variables through VariableReader, which the binder may also hold to type them).
class EvalContext : public VariableReader {
 public:
  virtual ~EvalContext() = default;
  virtual std::string CurrentDatabase() const = 0;  // "" = none (DATABASE() is NULL)
  virtual std::string CurrentUser() const = 0;      // "root@localhost"
  virtual uint32_t ConnectionId() const = 0;
  virtual uint64_t LastInsertId() const = 0;
  /// The previous statement's affected rows (-1 after a result set or an error).
  virtual int64_t RowCount() const { return -1; }
  /// The previous result set's row count (without its LIMIT under SQL_CALC_FOUND_ROWS).
  virtual uint64_t FoundRows() const { return 0; }
  /// `@name := value` inside an expression (user_variable_assignment.h). Const because
  /// expressions see a read-only context; this one assignment is MySQL's defined side
  /// effect of evaluation. The default (contexts without a session) refuses it.
  virtual Status AssignUserVariable(const std::string& name, Value value) const;
  /// LAST_INSERT_ID(expr): sets what LAST_INSERT_ID() answers next (the same kind of
  /// defined side effect). The default refuses it.
  virtual Status SetLastInsertId(uint64_t value) const;
  /// When the current statement started, in microseconds since the Unix epoch: NOW()
  /// gives this one value throughout a statement. The default (for contexts without
  /// a session) reads the clock.
  virtual int64_t StatementTimeMicros() const;
  /// The session's KILL flag (common/interrupt_flag.h): executors check it per row,
  /// SLEEP() sleeps on it. Null (never interrupted) for contexts without a session.
  virtual const InterruptFlag* interrupt_flag() const { return nullptr; }
  /// information_schema.PROCESSLIST: one row per session this session may see (ID,
  /// USER, HOST, DB, COMMAND, TIME, STATE, INFO). None for contexts without a session.
  virtual std::vector<Row> ProcessListRows() const { return {}; }
  /// `/`, DIV or MOD met a zero divisor; the result is NULL. As the session's sql_mode
  /// and statement say (MySQL's ERROR_FOR_DIVISION_BY_ZERO), this returns 1365 to fail
  /// the statement (a strict INSERT or UPDATE), records Warning 1365, or does nothing.
  /// The default (contexts without a session) does nothing.
  virtual Status DivisionByZero() const { return Status::OK(); }
};

/// The wall clock, in microseconds since the Unix epoch (SYSDATE(), statement start).
int64_t WallClockMicros();

enum class ExpressionKind {
  kLiteral,
  kColumnRef,
  kUnary,
  kArithmetic,
  kComparison,
  kLogical,
  kIsNull,
  kLike,
  kInList,
  kBetween,
  kCase,
  kCast,
  kFunction,
  kVariable,
  kSubquery,        // subquery.h
  kOuterColumnRef,  // subquery.h: a correlated subquery's reference to the outer row
};

class Expression {
 public:
  Expression(ExpressionKind kind, ColumnType type, bool nullable)
      : kind_(kind), type_(type), nullable_(nullable) {}
  virtual ~Expression() = default;

  /// Evaluates against one input row.
  virtual Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const = 0;
  /// For EXPLAIN and debugging: "(#2 * 2)".
  virtual std::string ToString() const = 0;

  ExpressionKind kind() const { return kind_; }
  /// The result's SQL type (decides ColumnDefinition41 type/length/decimals).
  const ColumnType& type() const { return type_; }
  bool nullable() const { return nullable_; }

 private:
  ExpressionKind kind_;
  ColumnType type_;
  bool nullable_;
};
using ExpressionPtr = std::unique_ptr<Expression>;

/// SQL truth of a value: NULL -> unknown (nullopt), numbers != 0, strings by their
/// numeric prefix ("1abc" is true, "abc" false), as MySQL does in WHERE.
std::optional<bool> TruthValue(const Value& v);

}  // namespace minisql::sql
