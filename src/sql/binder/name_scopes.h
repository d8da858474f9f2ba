// name_scopes.h — the NameScopes the statement binder hands to BindExpression.
//
// A NameScope answers "which input column is `t.c`?". Scopes stack the way the rows
// they describe are built (see bound_statement.h):
//
//   TableScope      the joined row of the FROM tables: t0 columns ++ t1 columns ...
//   AggregateScope  the aggregated row: aggregate results ++ the group's first joined
//                   row; aggregate calls were replaced by marker column references
//   AliasScope      the projected row: select items ++ the input row, so HAVING and
//                   ORDER BY can name a select alias or any input column
//
// Each scope knows the clause it serves, because MySQL's 1054 message names it:
// "Unknown column 'x' in 'WHERE'".
#pragma once

#include <string>
#include <vector>

#include "sql/binder/bound_statement.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

/// A resolved table column: which FROM table and which of its columns.
struct ColumnOrigin {
  uint32_t table_index = 0;
  uint32_t column_index = 0;
};

class TableScope : public NameScope {
 public:
  /// `subqueries`: who binds subqueries in this scope's expressions (the statement
  /// binder); null refuses them.
  TableScope(const std::vector<BoundTable>* tables, std::string clause,
             const SubqueryBinder* subqueries = nullptr)
      : tables_(tables), clause_(std::move(clause)), subqueries_(subqueries) {}
  /// Only the first `count` tables are visible (ON conditions see the tables so far).
  void LimitTables(size_t count) { visible_ = count; }
  /// Tables before `first` are not visible either (an ON sees only its own join).
  void SkipTables(size_t first) { first_ = first; }

  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override;
  Result<ColumnOrigin> Locate(const ast::ColumnRefExpr& ref) const;
  const std::string& clause() const { return clause_; }
  const SubqueryBinder* subqueries() const override { return subqueries_; }

 private:
  const std::vector<BoundTable>* tables_;
  std::string clause_;
  const SubqueryBinder* subqueries_;
  size_t visible_ = SIZE_MAX;
  size_t first_ = 0;
};

/// The marker column name that stands for aggregate number `index`.
std::string AggregateMarker(size_t index);

class AggregateScope : public NameScope {
 public:
  AggregateScope(const TableScope* input, const std::vector<BoundAggregate>* aggregates)
      : input_(input), aggregates_(aggregates) {}
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override;
  const SubqueryBinder* subqueries() const override { return input_->subqueries(); }

 private:
  const TableScope* input_;
  const std::vector<BoundAggregate>* aggregates_;
};

struct SelectAlias {
  std::string name;
  BoundColumn column;  // its position in the projected row
};

class AliasScope : public NameScope {
 public:
  /// `aliases_first`: select aliases win over input columns of the same name. ORDER BY
  /// and HAVING look at aliases first; HAVING makes an exception for `grouped_names`, the
  /// columns named in GROUP BY, whose input column wins (MySQL's rule: in
  /// `SELECT a AS c FROM t GROUP BY a HAVING c > 3`, c is the alias, though t has a
  /// column c; with GROUP BY a, c it would be the column).
  AliasScope(const NameScope* input, std::vector<SelectAlias> aliases, uint32_t item_count,
             bool aliases_first, std::vector<std::string> grouped_names = {})
      : input_(input),
        aliases_(std::move(aliases)),
        item_count_(item_count),
        aliases_first_(aliases_first),
        grouped_names_(std::move(grouped_names)) {}
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override;
  const SubqueryBinder* subqueries() const override { return input_->subqueries(); }

 private:
  const SelectAlias* FindAlias(const ast::ColumnRefExpr& ref) const;

  const NameScope* input_;
  std::vector<SelectAlias> aliases_;
  uint32_t item_count_;
  bool aliases_first_;
  std::vector<std::string> grouped_names_;
};

}  // namespace minisql::sql
