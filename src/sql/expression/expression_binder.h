// expression_binder.h — turns ast::Expr into a bound Expression.
//
// The statement binder (sql/binder/) owns FROM-clause scopes and aggregates; for each
// expression it calls BindExpression with a NameScope that maps column names to
// input positions. Aggregate calls (COUNT, SUM, AVG, MIN, MAX) are not bound here: the
// statement binder replaces them with column references to the aggregation operator's
// output before calling BindExpression, and binds their arguments itself; meeting one
// here is ER_INVALID_GROUP_FUNC_USE (1111).
//
// Errors: 1054 unknown column (via the scope), 1052 ambiguous column, 1305/1582 for
// unknown functions and wrong argument counts, 1235 for what is not supported yet.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "sql/expression/expression.h"
#include "sql/expression/subquery.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// A column an expression may reference: where it is in the input row and its type.
struct BoundColumn {
  BoundColumn() = default;
  BoundColumn(uint32_t index, ColumnType type, bool nullable, std::string name,
              std::shared_ptr<CorrelationSlots> outer_slots = nullptr)
      : index(index),
        type(type),
        nullable(nullable),
        name(std::move(name)),
        outer_slots(std::move(outer_slots)) {}
  uint32_t index = 0;
  ColumnType type;
  bool nullable = true;
  std::string name;
  /// Set when the column belongs to an enclosing query (a correlated reference):
  /// `index` is then a slot of these CorrelationSlots, not an input position.
  std::shared_ptr<CorrelationSlots> outer_slots;
};

class NameScope {
 public:
  virtual ~NameScope() = default;
  /// Resolves `db.table.column` (parts may be ""). Returns 1054 "Unknown column 'x' in
  /// '<clause>'" or 1052 "Column 'x' in <clause> is ambiguous".
  virtual Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const = 0;
  /// The session's current database ("" if none); only used to word error 1305
  /// ("FUNCTION shop.nosuch does not exist").
  virtual std::string DefaultDatabase() const { return ""; }
  /// Who binds subqueries met in this scope's expressions; null: subqueries are
  /// refused with 1235 (contexts that cannot run them).
  virtual const SubqueryBinder* subqueries() const { return nullptr; }
  /// The session's variables, from which @v and @@v take their result types
  /// (variable_reader.h); null: they are typed VARCHAR and read as text. By default
  /// they come from the statement binder, which every scope of a statement already
  /// reaches through subqueries(): so the scopes built while binding a statement
  /// (tables, aggregates, aliases, windows) need not pass it along, and only a scope
  /// used without a statement binder (SET's) overrides this.
  virtual const VariableReader* variables() const {
    return subqueries() != nullptr ? subqueries()->variables() : nullptr;
  }
  /// VALUES(col) in INSERT ... ON DUPLICATE KEY UPDATE: the inserted row's column.
  /// Other scopes have no such value (nullopt: VALUES is then an unknown function).
  virtual Result<std::optional<BoundColumn>> ResolveInsertedValue(const ast::FunctionExpr&) const {
    return std::optional<BoundColumn>();
  }
};

/// True for COUNT, SUM, AVG, MIN, MAX (and the other aggregates as they are added).
bool IsAggregateFunction(const std::string& upper_name);

Result<ExpressionPtr> BindExpression(const ast::Expr& expr, const NameScope& scope);

/// A bound literal (used by binders for constants they synthesise).
ExpressionPtr MakeLiteral(Value value);
/// A bound reference to input position `column.index`.
ExpressionPtr MakeColumnRef(const BoundColumn& column);

}  // namespace minisql::sql
