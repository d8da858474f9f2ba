// parse_context.cc — errors, names and literals for the grammar actions, and the
// expression builders. Statement builders are in statement_builder.cc.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "sql/parser/grammar.h"
#include "sql/parser/literal.h"
#include "sql/parser/parse_context.h"

namespace minisql::sql {

ParseContext::ParseContext(std::string_view sql) : sql_(sql) {}

// --- Errors ---------------------------------------------------------------------------

int ParseContext::LineOf(size_t offset) const {
  offset = std::min(offset, sql_.size());
  return 1 + static_cast<int>(std::count(sql_.begin(), sql_.begin() + offset, '\n'));
}

// MariaDB prints at most 80 bytes of the rest of the statement; longer text is cut to
// 77 bytes (never inside a UTF-8 character) followed by "...".
std::string ParseContext::NearText(std::string_view rest) {
  constexpr size_t kMaxBytes = 80;
  constexpr size_t kCutBytes = kMaxBytes - 3;
  if (rest.size() <= kMaxBytes) return std::string(rest);
  size_t cut = kCutBytes;
  while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) cut--;
  return std::string(rest.substr(0, cut)) + "...";
}

void ParseContext::SyntaxError(const Token& at) {
  if (failed()) return;
  error_ =
      Status::Error(ErrorCode::kParseError, NearText(sql_.substr(at.offset)), LineOf(at.offset));
}

void ParseContext::SyntaxErrorAtEnd() {
  if (failed()) return;
  error_ = Status::Error(ErrorCode::kParseError, std::string(), LineOf(sql_.size()));
}

void ParseContext::StackOverflow() {
  if (failed()) return;
  const Token& at = current_token_;
  error_ = Status::WithMessage(ErrorCode::kParseError,
                               "memory exhausted near '" + NearText(sql_.substr(at.offset)) +
                                   "' at line " + std::to_string(LineOf(at.offset)));
}

void ParseContext::NotSupported(const char* feature) {
  Fail(Status::Error(ErrorCode::kNotSupportedYet, feature));
}

void ParseContext::Fail(Status status) {
  if (!failed()) error_ = std::move(status);
}

void ParseContext::SetResult(ast::Stmt* stmt) {
  result_.reset(stmt);
}

// --- Subquery frames ------------------------------------------------------------------

void ParseContext::OpenSelectFrame() {
  frames_.push_back(0);
  if (select_nesting() > kMaxSelectNesting) {
    Fail(Status::Error(ErrorCode::kTooHighLevelOfNestingForSelect));
  }
}

uint32_t ParseContext::CloseSelectFrame() {
  if (frames_.size() <= 1) return 0;  // a stray ')' — the grammar reports it
  uint32_t depth = frames_.back();
  frames_.pop_back();
  // A derived table nests its SELECT inside the enclosing one even without an
  // expression around it: count it in the enclosing frame too.
  RecordDepth(depth + 1);
  return depth;
}

void ParseContext::RecordDepth(uint32_t depth) {
  frames_.back() = std::max(frames_.back(), depth);
  if (depth > kMaxExprDepth) Fail(Status::Error(ErrorCode::kTooHighLevelOfNestingForSelect));
}

// --- Names and literals ---------------------------------------------------------------

std::string_view ParseContext::Slice(uint32_t begin, uint32_t end) const {
  if (begin > sql_.size() || end < begin) return {};
  return sql_.substr(begin, std::min<size_t>(end, sql_.size()) - begin);
}

std::string ParseContext::Name(const Token& t) const {
  return DecodeIdentifier(TextOf(t));
}

std::string ParseContext::ObjectName(const Token& t) {
  std::string name = Name(t);
  if (name.size() > kMaxIdentifierLength) Fail(Status::Error(ErrorCode::kTooLongIdent, name));
  return name;
}

std::string ParseContext::NameOrString(const Token& t) const {
  if (t.type == TK_STRING) return StringValue(t);
  return Name(t);
}

std::string ParseContext::StringValue(const Token& t) const {
  return DecodeStringLiteral(TextOf(t));
}

uint32_t ParseContext::IntegerValue(const Token& t) {
  std::string text(TextOf(t));
  unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (text.size() > 10 || v > UINT32_MAX) {
    // MySQL: "Display width out of range" / too-big length; the binder checks limits,
    // here we only keep the number representable.
    v = UINT32_MAX;
  }
  return static_cast<uint32_t>(v);
}

// --- Expressions ----------------------------------------------------------------------

ExprSpan ParseContext::Finish(ast::Expr* node, uint32_t begin, uint32_t end, uint32_t child_depth) {
  std::string_view text = Slice(begin, end);
  node->text = std::string(text.substr(0, kMaxNestedTextBytes));
  uint32_t depth = child_depth + 1;
  RecordDepth(depth);
  return ExprSpan{node, begin, end, depth};
}

ExprSpan ParseContext::Literal(const Token& t) {
  auto* node = new ast::LiteralExpr;
  if (t.type == TK_STRING) {
    node->value = Value::String(StringValue(t));
  } else if (!DecodeNumber(t.type, TextOf(t), &node->value)) {
    SyntaxError(t);
  }
  node->hex_number = t.type == TK_HEX_NUM && TextOf(t).size() > 1 && TextOf(t)[1] == 'x';
  return Finish(node, t.offset, End(t), 0);
}

ExprSpan ParseContext::NullLiteral(const Token& t) {
  return Finish(new ast::LiteralExpr, t.offset, End(t), 0);
}

ExprSpan ParseContext::BoolLiteral(const Token& t, bool value) {
  auto* node = new ast::LiteralExpr;
  node->value = Value::Bool(value);
  return Finish(node, t.offset, End(t), 0);
}

ExprSpan ParseContext::Column(const Token* db, const Token* table, const Token& column) {
  auto* node = new ast::ColumnRefExpr;
  uint32_t begin = column.offset;
  if (db) {
    node->database = ObjectName(*db);
    begin = db->offset;
  }
  if (table) {
    node->table = ObjectName(*table);
    if (!db) begin = table->offset;
  }
  node->column = ObjectName(column);
  return Finish(node, begin, End(column), 0);
}

ExprSpan ParseContext::Parameter(const Token& t) {
  auto* node = new ast::ParameterExpr;
  node->index = parameter_count_++;
  return Finish(node, t.offset, End(t), 0);
}

ExprSpan ParseContext::Unary(const Token& op, ast::UnaryOp kind, ExprSpan operand) {
  auto* node = new ast::UnaryExpr;
  node->op = kind;
  node->operand.reset(operand.expr);
  return Finish(node, op.offset, operand.end, operand.depth);
}

ExprSpan ParseContext::Binary(ExprSpan left, ast::BinaryOp op, ExprSpan right) {
  auto* node = new ast::BinaryExpr;
  node->op = op;
  node->left.reset(left.expr);
  node->right.reset(right.expr);
  return Finish(node, left.begin, right.end, std::max(left.depth, right.depth));
}

ExprSpan ParseContext::IsNull(ExprSpan operand, bool negated, const Token& last) {
  auto* node = new ast::IsNullExpr;
  node->operand.reset(operand.expr);
  node->negated = negated;
  return Finish(node, operand.begin, End(last), operand.depth);
}

ExprSpan ParseContext::IsBool(ExprSpan operand, ast::IsBoolExpr::Test test, bool negated,
                              const Token& last) {
  auto* node = new ast::IsBoolExpr;
  node->operand.reset(operand.expr);
  node->test = test;
  node->negated = negated;
  return Finish(node, operand.begin, End(last), operand.depth);
}

ExprSpan ParseContext::Like(ExprSpan operand, bool negated, ExprSpan pattern, ExprSpan* escape) {
  auto* node = new ast::LikeExpr;
  node->operand.reset(operand.expr);
  node->pattern.reset(pattern.expr);
  node->negated = negated;
  uint32_t end = pattern.end;
  uint32_t depth = std::max(operand.depth, pattern.depth);
  if (escape) {
    node->escape.reset(escape->expr);
    end = escape->end;
    depth = std::max(depth, escape->depth);
  }
  return Finish(node, operand.begin, end, depth);
}

ExprSpan ParseContext::InList(ExprSpan operand, bool negated, ExprList list, const Token& rp) {
  auto* node = new ast::InListExpr;
  node->operand.reset(operand.expr);
  node->list = std::move(*list.items);
  delete list.items;
  node->negated = negated;
  return Finish(node, operand.begin, End(rp), std::max(operand.depth, list.depth));
}

ExprSpan ParseContext::InSubquery(ExprSpan operand, bool negated, ast::SelectStmt* select,
                                  const Token& rp) {
  auto* node = new ast::SubqueryExpr;
  node->form = ast::SubqueryExpr::Form::kIn;
  node->operand.reset(operand.expr);
  node->negated = negated;
  node->select.reset(select);
  return Finish(node, operand.begin, End(rp), std::max(operand.depth, closed_subquery_depth_));
}

ExprSpan ParseContext::Between(ExprSpan operand, bool negated, ExprSpan low, ExprSpan high) {
  auto* node = new ast::BetweenExpr;
  node->operand.reset(operand.expr);
  node->low.reset(low.expr);
  node->high.reset(high.expr);
  node->negated = negated;
  return Finish(node, operand.begin, high.end, std::max({operand.depth, low.depth, high.depth}));
}

namespace {
std::string UpperCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

ExprSpan ParseContext::Function(const Token& name, ExprList args, bool distinct, const Token& rp) {
  auto* node = new ast::FunctionExpr;
  node->name = UpperCase(Name(name));
  node->args = std::move(*args.items);
  delete args.items;
  node->distinct = distinct;
  return Finish(node, name.offset, End(rp), args.depth);
}

ExprSpan ParseContext::FunctionStar(const Token& name, const Token& rp) {
  auto* node = new ast::FunctionExpr;
  node->name = UpperCase(Name(name));
  node->star = true;
  return Finish(node, name.offset, End(rp), 0);
}

ExprSpan ParseContext::GroupConcat(const Token& name, bool distinct, ExprList args,
                                   GroupConcatTail tail, const Token& rp) {
  auto* node = new ast::FunctionExpr;
  node->name = UpperCase(Name(name));
  node->args = std::move(*args.items);
  delete args.items;
  node->distinct = distinct;
  uint32_t depth = args.depth;
  if (tail.order) {
    for (ast::OrderItem& item : *tail.order) {
      node->order_keys.push_back(std::move(item.expr));
      node->order_descending.push_back(item.descending);
    }
    delete tail.order;
  }
  if (tail.has_separator) node->separator = StringValue(tail.separator);
  ExprSpan out = Finish(node, name.offset, End(rp), depth);
  if (node->name != "GROUP_CONCAT") SyntaxError(tail.has_separator ? tail.separator : rp);
  return out;
}

ExprSpan ParseContext::KeywordFunction(const Token& name, ExprList args, const Token& rp) {
  auto* node = new ast::FunctionExpr;
  node->name = UpperCase(Name(name));
  node->args = std::move(*args.items);
  delete args.items;
  ExprSpan out = Finish(node, name.offset, End(rp), args.depth);
  const std::string& n = node->name;
  if (n == "TRIM" && node->args.size() == 2) {
    std::swap(node->args[0], node->args[1]);  // TRIM(x FROM s) is TRIM(s, x)
  } else if ((n == "SUBSTRING" || n == "SUBSTR") && node->args.size() >= 2) {
    // SUBSTRING(s FROM p [FOR n]) is SUBSTRING(s, p [, n]).
  } else if (n == "POSITION" && node->args.size() == 2) {
    node->name = "LOCATE";  // POSITION(sub IN s) is LOCATE(sub, s)
  } else {
    SyntaxError(rp);
  }
  return out;
}

ExprSpan ParseContext::TrimFunction(const Token& name, const char* side_function, ExprSpan* remove,
                                    ExprSpan str, const Token& rp) {
  auto* node = new ast::FunctionExpr;
  node->name = side_function;
  uint32_t depth = str.depth;
  node->args.emplace_back(str.expr);
  if (remove) {
    depth = std::max(depth, remove->depth);
    node->args.emplace_back(remove->expr);
  } else {
    auto space = std::make_unique<ast::LiteralExpr>();
    space->value = Value::String(" ");
    space->text = "' '";
    node->args.push_back(std::move(space));
  }
  ExprSpan out = Finish(node, name.offset, End(rp), depth);
  if (UpperCase(Name(name)) != "TRIM") SyntaxError(name);
  return out;
}

ExprSpan ParseContext::NiladicFunction(const Token& name) {
  auto* node = new ast::FunctionExpr;
  node->name = UpperCase(TextOf(name));
  return Finish(node, name.offset, End(name), 0);
}

ExprSpan ParseContext::Variable(const Token& at, ast::VariableExpr::Scope scope,
                                const Token* scope_name, const Token& name) {
  auto* node = new ast::VariableExpr;
  node->scope = scope;
  node->name = name.type == TK_STRING ? StringValue(name) : Name(name);
  if (scope_name) {
    std::string s = UpperCase(Name(*scope_name));
    if (s == "GLOBAL") {
      node->scope = ast::VariableExpr::Scope::kGlobal;
    } else if (s == "SESSION" || s == "LOCAL") {
      node->scope = ast::VariableExpr::Scope::kSession;
    } else {
      SyntaxError(*scope_name);  // @@x.y: structured variables are not supported
    }
  }
  return Finish(node, at.offset, End(name), 0);
}

ExprSpan ParseContext::AssignVariable(const Token& at, const Token& name, ExprSpan value) {
  auto* node = new ast::VariableExpr;
  node->scope = ast::VariableExpr::Scope::kUser;
  node->name = name.type == TK_STRING ? StringValue(name) : Name(name);
  node->value.reset(value.expr);
  return Finish(node, at.offset, value.end, value.depth);
}

CaseList ParseContext::CaseWhen(CaseList* list, ExprSpan when, ExprSpan then) {
  CaseList result = list ? *list : CaseList{new ast::CaseExpr, 0};
  result.node->when_then.emplace_back(ast::ExprPtr(when.expr), ast::ExprPtr(then.expr));
  result.depth = std::max({result.depth, when.depth, then.depth});
  return result;
}

ExprSpan ParseContext::Case(const Token& case_kw, ExprSpan* operand, CaseList whens,
                            ExprSpan* else_result, const Token& end_kw) {
  ast::CaseExpr* node = whens.node;
  uint32_t depth = whens.depth;
  if (operand) {
    node->operand.reset(operand->expr);
    depth = std::max(depth, operand->depth);
  }
  if (else_result && else_result->expr) {
    node->else_result.reset(else_result->expr);
    depth = std::max(depth, else_result->depth);
  }
  return Finish(node, case_kw.offset, End(end_kw), depth);
}

ExprSpan ParseContext::Cast(const Token& kw, ExprSpan operand, const Token& before_type,
                            TypeSpec type, const Token& rp) {
  auto* node = new ast::CastExpr;
  node->operand.reset(operand.expr);
  std::string_view target = Slice(End(before_type), rp.offset);
  while (!target.empty() && std::isspace(static_cast<unsigned char>(target.front()))) {
    target.remove_prefix(1);
  }
  while (!target.empty() && std::isspace(static_cast<unsigned char>(target.back()))) {
    target.remove_suffix(1);
  }
  node->target_name = UpperCase(target);
  node->target.id = type.id;
  node->target.is_unsigned = type.is_unsigned;
  node->target.length = type.length;
  node->target.scale = type.scale;
  return Finish(node, kw.offset, End(rp), operand.depth);
}

ExprSpan ParseContext::Parenthesized(const Token& lp, ExprSpan inner, const Token& rp) {
  // (x) is x; its text, for a select-list name, includes the parentheses.
  inner.begin = lp.offset;
  inner.end = End(rp);
  return inner;
}

ExprSpan ParseContext::Row(const Token& lp, ExprSpan first, ExprList rest, const Token& rp) {
  auto* node = new ast::RowExpr;
  node->items.emplace_back(first.expr);
  for (auto& item : *rest.items) node->items.push_back(std::move(item));
  delete rest.items;
  return Finish(node, lp.offset, End(rp), std::max(first.depth, rest.depth));
}

ExprSpan ParseContext::Subquery(const Token& first, ast::SubqueryExpr::Form form,
                                ast::SelectStmt* select, const Token& rp) {
  auto* node = new ast::SubqueryExpr;
  node->form = form;
  node->select.reset(select);
  return Finish(node, first.offset, End(rp), closed_subquery_depth_);
}

ExprSpan ParseContext::Default(const Token& t) {
  return Finish(new ast::DefaultExpr, t.offset, End(t), 0);
}

ExprSpan ParseContext::SetValue(ExprSpan value) {
  auto* column = value.expr->kind == ast::ExprKind::kColumnRef
                     ? static_cast<ast::ColumnRefExpr*>(value.expr)
                     : nullptr;
  if (!column || !column->table.empty()) return value;
  // SET sql_mode = TRADITIONAL, SET autocommit = OFF: a bare word is a string value.
  auto* literal = new ast::LiteralExpr;
  literal->value = Value::String(column->column);
  literal->text = column->text;
  delete column;
  value.expr = literal;
  return value;
}

ExprSpan ParseContext::KeywordAsString(const Token& t) {
  auto* literal = new ast::LiteralExpr;
  std::string words = UpperCase(TextOf(t));
  // REPEATABLE READ -> REPEATABLE-READ, as the transaction_isolation variable spells it.
  std::string value;
  bool in_space = false;
  for (char c : words) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      in_space = true;
      continue;
    }
    if (in_space && !value.empty()) value.push_back('-');
    in_space = false;
    value.push_back(c);
  }
  literal->value = Value::String(value);
  return Finish(literal, t.offset, End(t), 0);
}

ExprList ParseContext::NewList(ExprSpan first) {
  auto* items = new std::vector<ast::ExprPtr>;
  items->emplace_back(first.expr);
  return ExprList{items, first.depth};
}

ExprList ParseContext::EmptyList() {
  return ExprList{new std::vector<ast::ExprPtr>, 0};
}

ExprList ParseContext::Append(ExprList list, ExprSpan item) {
  list.items->emplace_back(item.expr);
  list.depth = std::max(list.depth, item.depth);
  return list;
}

}  // namespace minisql::sql
