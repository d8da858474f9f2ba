// query_builder.cc — the ParseContext methods for the query forms beyond a plain
// SELECT: set operations (UNION / INTERSECT / EXCEPT trees), WITH clauses,
// `x op ANY|ALL (subquery)` and CREATE VIEW (which keeps the query's source text).
#include "sql/parser/grammar.h"
#include "sql/parser/parse_context.h"

namespace minisql::sql {

ast::SelectStmt* ParseContext::SetOperation(ast::SelectStmt* left, ast::SetOperation op,
                                            ast::SelectStmt* right) {
  auto* node = new ast::SelectStmt;
  node->set_op = op;
  node->set_left.reset(left);
  node->set_right.reset(right);
  return node;
}

ast::Stmt* ParseContext::FinishParenSelect(ast::SelectStmt* select,
                                           std::vector<ast::OrderItem>* order_by, LimitSpec limit) {
  bool outer_clauses = order_by != nullptr || limit.limit != nullptr;
  bool inner_clauses = !select->order_by.empty() || select->limit != nullptr;
  if (outer_clauses && inner_clauses && select->set_op == ast::SetOperation::kNone) {
    // `(SELECT ... LIMIT 1) ORDER BY ...`: two levels of ORDER BY / LIMIT on one query.
    NotSupported("ORDER BY / LIMIT both inside and after a parenthesised query");
  }
  if (!outer_clauses) {
    delete order_by;
    return select;
  }
  if (select->set_op == ast::SetOperation::kNone && !inner_clauses) {
    return FinishSelect(select, order_by, limit, ast::LockMode::kNone);
  }
  if (inner_clauses) {
    // A set operation that already has its own ORDER BY / LIMIT: nest it.
    NotSupported("ORDER BY / LIMIT both inside and after a parenthesised query");
  }
  return FinishSelect(select, order_by, limit, ast::LockMode::kNone);
}

ast::SelectStmt* ParseContext::AddCte(ast::SelectStmt* with, bool recursive,
                                      ast::CommonTableExpr* cte) {
  if (with == nullptr) with = new ast::SelectStmt;
  if (recursive) with->with_recursive = true;
  with->with.push_back(std::move(*cte));
  delete cte;
  return with;
}

ast::CommonTableExpr* ParseContext::Cte(const Token& name, std::vector<std::string>* columns,
                                        ast::SelectStmt* select) {
  auto* cte = new ast::CommonTableExpr;
  cte->name = ObjectName(name);
  if (columns) {
    cte->columns = std::move(*columns);
    delete columns;
  }
  cte->select.reset(select);
  return cte;
}

ast::SelectStmt* ParseContext::AttachWith(ast::SelectStmt* with, ast::SelectStmt* select) {
  select->with = std::move(with->with);
  select->with_recursive = with->with_recursive;
  delete with;
  return select;
}

ExprSpan ParseContext::QuantifiedSubquery(ExprSpan left, ast::BinaryOp op, bool all,
                                          ast::SelectStmt* select, const Token& rp) {
  auto* node = new ast::SubqueryExpr;
  node->form = all ? ast::SubqueryExpr::Form::kAll : ast::SubqueryExpr::Form::kAny;
  node->compare_op = op;
  node->operand.reset(left.expr);
  node->select.reset(select);
  return Finish(node, left.begin, End(rp), std::max(left.depth, closed_subquery_depth_));
}

ast::Stmt* ParseContext::CreateView(bool or_replace, QualifiedName name,
                                    std::vector<std::string>* columns, const Token& as_kw,
                                    ast::SelectStmt* select) {
  auto* stmt = new ast::CreateViewStmt;
  stmt->or_replace = or_replace;
  if (name.parts == 2) {
    stmt->database = ObjectName(name.first);
    stmt->name = ObjectName(name.second);
  } else {
    stmt->name = ObjectName(name.first);
  }
  if (columns) {
    stmt->columns = std::move(*columns);
    delete columns;
  }
  stmt->select.reset(select);
  // The query is the rest of the statement after AS, without a trailing ';'.
  std::string_view text = Slice(End(as_kw), static_cast<uint32_t>(sql_.size()));
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && (is_space(text.back()) || text.back() == ';')) text.remove_suffix(1);
  // mysqldump writes `/*!50001 VIEW v AS SELECT ... */`: the versioned comment's
  // closing marker is not part of the query.
  if (sql_.substr(0, End(as_kw)).find("/*!") != std::string_view::npos && text.size() >= 2 &&
      text.substr(text.size() - 2) == "*/") {
    text.remove_suffix(2);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  }
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  stmt->select_text = std::string(text);
  return stmt;
}

}  // namespace minisql::sql
