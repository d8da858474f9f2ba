// binder.cc — the binder's shared pieces: database and table lookup, FROM clauses,
// LIMIT values. The statement-specific parts are in bind_*.cc.
#include "sql/binder/binder.h"

#include <cctype>

#include "sql/binder/conjuncts.h"
#include "sql/binder/name_scopes.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

Result<std::string> Binder::ResolveDatabase(const std::string& database) const {
  if (!database.empty()) return database;
  if (current_database_.empty()) return Status::Error(ErrorCode::kNoDb);
  return current_database_;
}

Result<std::shared_ptr<const storage::TableSchema>> Binder::LookupTable(const std::string& database,
                                                                        const std::string& table) {
  Result<std::string> db = ResolveDatabase(database);
  if (!db.ok()) return db.status();
  return storage_->GetTable(txn_, *db, table);
}

// Flattens a FROM item into `tables`, left-deep: `a JOIN b ON x JOIN c ON y` becomes
// [a, b (x), c (y)]. Each join condition is bound over the tables up to its own.
Status Binder::BindFrom(const ast::TableRef& ref, std::vector<BoundTable>* tables) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kDerived: {
      if (ref.alias.empty()) return Status::Error(ErrorCode::kDerivedMustHaveAlias);
      // The AST belongs to the statement; binding may rewrite it (aggregates).
      Result<BoundTable> derived = BindDerivedTable(const_cast<ast::SelectStmt&>(*ref.subquery),
                                                    ref.alias, {}, current_database_, ctes_);
      if (!derived.ok()) return derived.status();
      return AppendTable(std::move(*derived), tables);
    }
    case ast::TableRef::Kind::kBase: {
      Result<std::optional<BoundTable>> cte = BindCteReference(ref);
      if (!cte.ok()) return cte.status();
      if (cte->has_value()) return AppendTable(std::move(**cte), tables);
      auto schema = LookupTable(ref.database, ref.name);
      if (!schema.ok()) return schema.status();
      if (!(*schema)->view_definition.empty()) {
        Result<BoundTable> view = BindView(**schema, ref.alias.empty() ? ref.name : ref.alias);
        if (!view.ok()) return view.status();
        return AppendTable(std::move(*view), tables);
      }
      BoundTable table;
      table.schema = *schema;
      table.alias = ref.alias.empty() ? ref.name : ref.alias;
      for (const BoundTable& other : *tables) {
        if (other.alias == table.alias) {
          return Status::Error(ErrorCode::kNonuniqTable, table.alias);
        }
      }
      table.offset = 0;
      if (!tables->empty()) {
        const BoundTable& last = tables->back();
        table.offset = last.offset + static_cast<uint32_t>(last.schema->columns.size());
      }
      tables->push_back(std::move(table));
      return Status::OK();
    }
    case ast::TableRef::Kind::kJoin: {
      if (ref.natural || !ref.using_columns.empty()) {
        return Status::Error(ErrorCode::kNotSupportedYet, "NATURAL JOIN and JOIN ... USING");
      }
      if (ref.join_type == ast::TableRef::JoinType::kRight) {
        return Status::Error(ErrorCode::kNotSupportedYet, "RIGHT JOIN");
      }
      if (ref.right->kind != ast::TableRef::Kind::kBase) {
        return Status::Error(ErrorCode::kNotSupportedYet, "nested joins on the right of JOIN");
      }
      MINISQL_RETURN_IF_ERROR(BindFrom(*ref.left, tables));
      MINISQL_RETURN_IF_ERROR(BindFrom(*ref.right, tables));
      BoundTable& joined = tables->back();
      joined.join_type = ref.join_type;
      if (ref.on) {
        TableScope scope(tables, "ON", this);
        Result<ExpressionPtr> on = BindExpression(*ref.on, scope);
        if (!on.ok()) return on.status();
        joined.join_condition = std::move(*on);
        auto conjuncts = BindConjuncts(*ref.on, scope, tables->size());
        if (!conjuncts.ok()) return conjuncts.status();
        joined.join_conjuncts = std::move(*conjuncts);
      } else if (ref.join_type == ast::TableRef::JoinType::kLeft) {
        return Status::Error(ErrorCode::kParseError, "", 1);
      }
      return Status::OK();
    }
  }
  return Status::Error(ErrorCode::kInternalError, "unknown FROM item");
}

Result<std::optional<uint64_t>> Binder::BindLimit(const ast::Expr* expr, const char* what) {
  if (expr == nullptr) return std::optional<uint64_t>();
  if (expr->kind == ast::ExprKind::kLiteral) {
    const Value& v = static_cast<const ast::LiteralExpr*>(expr)->value;
    if (v.kind() == Value::Kind::kInt && v.int_value() >= 0) {
      return std::optional<uint64_t>(static_cast<uint64_t>(v.int_value()));
    }
    if (v.kind() == Value::Kind::kDecimal && v.decimal_value().scale() == 0 &&
        v.decimal_value().unscaled() > 0) {
      return std::optional<uint64_t>(UINT64_MAX);  // beyond int64: no limit in practice
    }
  }
  return Status::Error(ErrorCode::kWrongArguments, what);
}

}  // namespace minisql::sql
