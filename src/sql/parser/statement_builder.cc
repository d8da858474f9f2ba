// statement_builder.cc — the ParseContext methods that assemble statements (SELECT
// and its clauses, INSERT/UPDATE/DELETE, DDL, SHOW, SET, transactions) from the
// pieces the grammar actions hand over. Expression builders are in parse_context.cc.
#include <algorithm>

#include "sql/parser/grammar.h"
#include "sql/parser/parse_context.h"

namespace minisql::sql {

// --- SELECT ---------------------------------------------------------------------------

ast::SelectStmt* ParseContext::SelectCore(int options, std::vector<ast::SelectItem>* items,
                                          std::vector<std::unique_ptr<ast::TableRef>>* from,
                                          ExprSpan where, ExprList group_by, ExprSpan having) {
  auto* s = new ast::SelectStmt;
  s->distinct = (options & kSelectDistinct) != 0;
  s->calc_found_rows = (options & kSelectCalcFoundRows) != 0;
  s->items = std::move(*items);
  delete items;
  if (from) {
    s->from = std::move(*from);
    delete from;
  }
  s->where.reset(where.expr);
  if (group_by.items) {
    s->group_by = std::move(*group_by.items);
    delete group_by.items;
  }
  s->having.reset(having.expr);
  return s;
}

ast::SelectStmt* ParseContext::FinishSelect(ast::SelectStmt* select,
                                            std::vector<ast::OrderItem>* order_by, LimitSpec limit,
                                            ast::LockMode lock) {
  if (order_by) {
    select->order_by = std::move(*order_by);
    delete order_by;
  }
  select->limit.reset(limit.limit);
  select->offset.reset(limit.offset);
  select->lock_mode = lock;
  return select;
}

std::vector<ast::SelectItem>* ParseContext::AddSelectItem(std::vector<ast::SelectItem>* items,
                                                          ExprSpan expr, const Token& alias) {
  if (!items) items = new std::vector<ast::SelectItem>;
  // The select-list name is the whole source text (nested nodes may be cut short).
  expr.expr->text = std::string(Slice(expr.begin, expr.end));
  ast::SelectItem item;
  item.expr.reset(expr.expr);
  if (alias.type != 0) item.alias = NameOrString(alias);
  items->push_back(std::move(item));
  return items;
}

std::vector<ast::SelectItem>* ParseContext::AddStar(std::vector<ast::SelectItem>* items,
                                                    const Token* db, const Token* table,
                                                    const Token& star) {
  if (!items) items = new std::vector<ast::SelectItem>;
  auto* node = new ast::StarExpr;
  uint32_t begin = star.offset;
  if (db) {
    node->database = ObjectName(*db);
    begin = db->offset;
  }
  if (table) {
    node->table = ObjectName(*table);
    if (!db) begin = table->offset;
  }
  node->text = std::string(Slice(begin, End(star)));
  ast::SelectItem item;
  item.expr.reset(node);
  items->push_back(std::move(item));
  return items;
}

std::vector<ast::OrderItem>* ParseContext::AddOrderItem(std::vector<ast::OrderItem>* items,
                                                        ExprSpan expr, bool descending) {
  if (!items) items = new std::vector<ast::OrderItem>;
  ast::OrderItem item;
  item.expr.reset(expr.expr);
  item.descending = descending;
  items->push_back(std::move(item));
  return items;
}

LimitSpec ParseContext::Limit(ExprSpan limit, ExprSpan* offset) {
  return LimitSpec{limit.expr, offset ? offset->expr : nullptr};
}

ast::TableRef* ParseContext::BaseTable(QualifiedName name, const Token& alias) {
  auto* ref = new ast::TableRef;
  ref->kind = ast::TableRef::Kind::kBase;
  if (name.parts == 2) {
    ref->database = ObjectName(name.first);
    ref->name = ObjectName(name.second);
  } else {
    ref->name = ObjectName(name.first);
  }
  if (alias.type != 0) ref->alias = Name(alias);
  return ref;
}

ast::TableRef* ParseContext::DerivedTable(ast::SelectStmt* select, const Token& alias) {
  auto* ref = new ast::TableRef;
  ref->kind = ast::TableRef::Kind::kDerived;
  ref->subquery.reset(select);
  if (alias.type != 0) ref->alias = Name(alias);
  return ref;
}

ast::TableRef* ParseContext::Join(ast::TableRef* left, ast::TableRef::JoinType type, bool natural,
                                  ast::TableRef* right, JoinCondition cond) {
  auto* ref = new ast::TableRef;
  ref->kind = ast::TableRef::Kind::kJoin;
  ref->join_type = type;
  ref->natural = natural;
  ref->left.reset(left);
  ref->right.reset(right);
  ref->on.reset(cond.on);
  if (cond.using_columns) {
    ref->using_columns = std::move(*cond.using_columns);
    delete cond.using_columns;
  }
  return ref;
}

std::vector<std::unique_ptr<ast::TableRef>>* ParseContext::AddTableRef(
    std::vector<std::unique_ptr<ast::TableRef>>* list, ast::TableRef* ref) {
  if (!list) list = new std::vector<std::unique_ptr<ast::TableRef>>;
  list->emplace_back(ref);
  return list;
}

ast::TableRef* ParseContext::CrossJoinAll(std::vector<std::unique_ptr<ast::TableRef>>* list) {
  ast::TableRef* result = (*list)[0].release();
  for (size_t i = 1; i < list->size(); i++) {
    result = Join(result, ast::TableRef::JoinType::kCross, false, (*list)[i].release(),
                  JoinCondition{nullptr, nullptr});
  }
  delete list;
  return result;
}

// --- INSERT / UPDATE / DELETE ---------------------------------------------------------

ast::InsertStmt* ParseContext::InsertHead(bool replace, bool ignore, QualifiedName table) {
  auto* s = new ast::InsertStmt;
  s->replace = replace;
  s->ignore = ignore;
  if (table.parts == 2) {
    s->database = ObjectName(table.first);
    s->table = ObjectName(table.second);
  } else {
    s->table = ObjectName(table.first);
  }
  return s;
}

void ParseContext::AddInsertRow(ast::InsertStmt* insert, ExprList values) {
  insert->rows.push_back(std::move(*values.items));
  delete values.items;
}

std::vector<ast::Assignment>* ParseContext::AddAssignment(std::vector<ast::Assignment>* list,
                                                          QualifiedName column, ExprSpan value) {
  if (!list) list = new std::vector<ast::Assignment>;
  ast::Assignment a;
  if (column.parts == 2) {
    a.table = ObjectName(column.first);
    a.column = ObjectName(column.second);
  } else {
    a.column = ObjectName(column.first);
  }
  a.value.reset(value.expr);
  list->push_back(std::move(a));
  return list;
}

void ParseContext::InsertSet(ast::InsertStmt* insert, std::vector<ast::Assignment>* list) {
  // INSERT ... SET a = 1, b = 2 is INSERT ... (a, b) VALUES (1, 2).
  std::vector<ast::ExprPtr> row;
  for (ast::Assignment& a : *list) {
    insert->columns.push_back(a.column);
    row.push_back(std::move(a.value));
  }
  insert->rows.push_back(std::move(row));
  delete list;
}

ast::UpdateStmt* ParseContext::Update(ast::TableRef* table, std::vector<ast::Assignment>* list,
                                      ExprSpan where, std::vector<ast::OrderItem>* order_by,
                                      ExprSpan limit) {
  auto* s = new ast::UpdateStmt;
  s->table.reset(table);
  s->assignments = std::move(*list);
  delete list;
  s->where.reset(where.expr);
  if (order_by) {
    s->order_by = std::move(*order_by);
    delete order_by;
  }
  s->limit.reset(limit.expr);
  return s;
}

ast::DeleteStmt* ParseContext::Delete(ast::TableRef* table, ExprSpan where,
                                      std::vector<ast::OrderItem>* order_by, ExprSpan limit) {
  auto* s = new ast::DeleteStmt;
  s->table.reset(table);
  s->where.reset(where.expr);
  if (order_by) {
    s->order_by = std::move(*order_by);
    delete order_by;
  }
  s->limit.reset(limit.expr);
  return s;
}

ast::DeleteStmt* ParseContext::DeleteMulti(std::vector<ast::TableName>* targets,
                                           ast::TableRef* join, ExprSpan where) {
  auto* s = new ast::DeleteStmt;
  s->table.reset(join);
  s->where.reset(where.expr);
  for (ast::TableName& name : *targets) {
    s->targets.emplace_back(std::move(name.database), std::move(name.table));
  }
  delete targets;
  return s;
}

// --- DDL ------------------------------------------------------------------------------

ast::CreateTableStmt* ParseContext::CreateTableHead(bool temporary, bool if_not_exists,
                                                    QualifiedName name) {
  auto* s = new ast::CreateTableStmt;
  s->temporary = temporary;
  s->if_not_exists = if_not_exists;
  if (name.parts == 2) {
    s->database = ObjectName(name.first);
    s->table = ObjectName(name.second);
  } else {
    s->table = ObjectName(name.first);
  }
  return s;
}

TypeSpec ParseContext::Type(const Token& kw, TypeId id, LengthSpec len, NumericFlags flags) {
  TypeSpec t{};
  t.id = id;
  t.is_unsigned = flags.is_unsigned;
  t.zerofill = flags.zerofill;
  t.length = len.given ? len.length : 0;
  t.scale = static_cast<uint8_t>(std::min<uint32_t>(len.scale, 255));
  t.begin = kw.offset;
  t.end = std::max<uint32_t>({End(kw), len.end, flags.end});
  return t;
}

ast::ColumnDefinition* ParseContext::NewColumn(const Token& name, TypeSpec type) {
  auto* c = new ast::ColumnDefinition;
  c->name = ObjectName(name);
  c->type.id = type.id;
  c->type.is_unsigned = type.is_unsigned;
  c->type.length = type.length;
  c->type.scale = type.scale;
  c->type_text = std::string(Slice(type.begin, type.end));
  if (type.zerofill) c->unsupported.push_back("ZEROFILL");
  if (type.unsupported) c->unsupported.push_back(type.unsupported);
  if (type.serial) {
    c->not_null = true;
    c->auto_increment = true;
    c->unique = true;
  }
  return c;
}

void ParseContext::AddColumnAttribute(ast::ColumnDefinition* column,
                                      const std::string& unsupported) {
  column->unsupported.push_back(unsupported);
}

void ParseContext::SetColumnDefault(ast::ColumnDefinition* column, ExprSpan value) {
  column->default_value.reset(value.expr);
}

ExprSpan ParseContext::NowCall(const Token& name, const Token* fsp, uint32_t end) {
  std::string upper(TextOf(name));
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != "CURRENT_TIMESTAMP" && upper != "NOW" && upper != "LOCALTIME" &&
      upper != "LOCALTIMESTAMP") {
    SyntaxError(name);
  }
  auto* node = new ast::FunctionExpr;
  node->name = "CURRENT_TIMESTAMP";
  if (fsp) node->args.push_back(ast::ExprPtr(Literal(*fsp).expr));
  return Finish(node, name.offset, end, 1);
}

void ParseContext::SetOnUpdateNow(ast::ColumnDefinition* column, ExprSpan call) {
  std::unique_ptr<ast::Expr> owned(call.expr);
  const auto& function = static_cast<const ast::FunctionExpr&>(*owned);
  column->on_update_now_fsp = 0;
  if (!function.args.empty()) {
    const Value& fsp = static_cast<const ast::LiteralExpr&>(*function.args[0]).value;
    column->on_update_now_fsp = fsp.kind() == Value::Kind::kInt ? fsp.int_value() : 99;
  }
}

ast::AlterTableStmt::Action* ParseContext::AlterTableOption(const char* name, const Token& value) {
  auto* action = new ast::AlterTableStmt::Action;
  action->kind = ast::AlterTableStmt::Action::Kind::kTableOption;
  action->option.name = name;
  action->option.value = NameOrString(value);
  return action;
}

void ParseContext::AddTableOption(ast::CreateTableStmt* stmt, const char* name,
                                  const Token& value) {
  ast::TableOption option;
  option.name = name;
  option.value = NameOrString(value);
  stmt->options.push_back(std::move(option));
}

ast::IndexDefinition* ParseContext::Index(ast::IndexDefinition::Kind kind, const Token* name,
                                          ast::IndexDefinition* columns) {
  columns->kind = kind;
  if (name) columns->name = ObjectName(*name);
  return columns;
}

ast::IndexDefinition* ParseContext::AddKeyColumn(ast::IndexDefinition* key,
                                                 const KeyColumn& column) {
  if (!key) key = new ast::IndexDefinition;
  key->columns.push_back(ObjectName(column.name));
  key->descending.push_back(column.descending);
  return key;
}

std::vector<std::string>* ParseContext::AddName(std::vector<std::string>* list, const Token& name) {
  if (!list) list = new std::vector<std::string>;
  list->push_back(ObjectName(name));
  return list;
}

std::vector<ast::TableName>* ParseContext::AddTableName(std::vector<ast::TableName>* list,
                                                        QualifiedName name) {
  if (!list) list = new std::vector<ast::TableName>;
  ast::TableName t;
  if (name.parts == 2) {
    t.database = ObjectName(name.first);
    t.table = ObjectName(name.second);
  } else {
    t.table = ObjectName(name.first);
  }
  list->push_back(std::move(t));
  return list;
}

ast::ShowStmt* ParseContext::Show(ast::ShowStmt::What what, ShowFilter filter) {
  auto* s = new ast::ShowStmt;
  s->what = what;
  if (filter.like.type != 0) s->like = StringValue(filter.like);
  s->where.reset(filter.where);
  return s;
}

void ParseContext::SetShowTable(ast::ShowStmt* show, QualifiedName name) {
  if (name.parts == 2) {
    show->database = ObjectName(name.first);
    show->table = ObjectName(name.second);
  } else {
    show->table = ObjectName(name.first);
  }
}

// --- SET ------------------------------------------------------------------------------

ast::SetStmt::Item* ParseContext::SetVariable(SetTarget target, ExprSpan value) {
  auto* item = new ast::SetStmt::Item;
  item->kind = ast::SetStmt::Item::Kind::kVariable;
  item->scope = target.scope;
  item->name = target.name.type == TK_STRING ? StringValue(target.name) : Name(target.name);
  item->value.reset(value.expr);
  item->text = std::string(Slice(target.begin, value.end));
  return item;
}

ast::SetStmt::Item* ParseContext::SetNames(const Token& first, const Token* charset,
                                           const Token* collation, uint32_t end) {
  auto* item = new ast::SetStmt::Item;
  item->kind = ast::SetStmt::Item::Kind::kNames;
  if (charset) item->name = NameOrString(*charset);  // "" = SET NAMES DEFAULT
  if (collation) item->collation = NameOrString(*collation);
  item->text = std::string(Slice(first.offset, end));
  return item;
}

ast::SetStmt::Item* ParseContext::SetTransaction(const Token& first, const char* variable,
                                                 ExprSpan value) {
  auto* item = new ast::SetStmt::Item;
  item->kind = ast::SetStmt::Item::Kind::kTransaction;
  item->scope = ast::VariableExpr::Scope::kSystemDefault;
  item->name = variable;
  if (std::string(variable) == "transaction_read_only") {
    // READ ONLY -> 1, READ WRITE -> 0, the value the variable takes.
    auto* literal = static_cast<ast::LiteralExpr*>(value.expr);
    bool read_only = literal->value.string_value() == "ONLY";
    literal->value = Value::Bool(read_only);
  }
  item->text = std::string(Slice(first.offset, value.end));
  item->value.reset(value.expr);
  return item;
}

ast::TransactionStmt* ParseContext::Transaction(ast::TransactionStmt::Action action,
                                                const Token* savepoint) {
  auto* s = new ast::TransactionStmt;
  s->action = action;
  if (savepoint) s->savepoint = Name(*savepoint);
  return s;
}

}  // namespace minisql::sql
