// parser_test.cc — Parse(): statements to AST, expression precedence and text, the
// exact MySQL error messages, and limits on hostile input.
#include <gtest/gtest.h>

#include <string>

#include "sql/parser/parser.h"

namespace minisql::sql {
namespace {

using ast::ExprKind;

template <typename T>
std::unique_ptr<T> ParseAs(std::string_view sql) {
  Result<ast::StmtPtr> r = Parse(sql);
  EXPECT_TRUE(r.ok()) << sql << " -> " << r.status().message();
  if (!r.ok()) return nullptr;
  T* typed = dynamic_cast<T*>(r.value().get());
  EXPECT_NE(typed, nullptr) << sql;
  if (!typed) return nullptr;
  r.value().release();
  return std::unique_ptr<T>(typed);
}

/// The first select item's expression of `SELECT <expr>`.
std::unique_ptr<ast::SelectStmt> SelectExpr(const std::string& expr) {
  return ParseAs<ast::SelectStmt>("SELECT " + expr);
}

const ast::Expr& Item(const ast::SelectStmt& s, size_t i = 0) {
  return *s.items.at(i).expr;
}

template <typename T>
const T& As(const ast::Expr& e) {
  const T* typed = dynamic_cast<const T*>(&e);
  EXPECT_NE(typed, nullptr) << e.text;
  return *typed;
}

std::string ErrorOf(std::string_view sql) {
  Result<ast::StmtPtr> r = Parse(sql);
  EXPECT_FALSE(r.ok()) << sql;
  return r.ok() ? "" : r.status().message();
}

std::string Near(const std::string& near, int line) {
  return "You have an error in your SQL syntax; check the manual that corresponds to your "
         "MySQL server version for the right syntax to use near '" +
         near + "' at line " + std::to_string(line);
}

// --- SELECT ---------------------------------------------------------------------------

TEST(ParserTest, SelectClauses) {
  auto s = ParseAs<ast::SelectStmt>(
      "SELECT DISTINCT a, t.b AS bee, c 'see', COUNT(*) FROM db.t AS x, u WHERE a > 1 "
      "GROUP BY a, b HAVING COUNT(*) > 2 ORDER BY a DESC, b LIMIT 5, 10 FOR UPDATE");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->distinct);
  ASSERT_EQ(s->items.size(), 4u);
  EXPECT_EQ(s->items[1].alias, "bee");
  EXPECT_EQ(s->items[2].alias, "see");
  EXPECT_EQ(As<ast::ColumnRefExpr>(Item(*s, 1)).table, "t");
  const auto& count = As<ast::FunctionExpr>(Item(*s, 3));
  EXPECT_EQ(count.name, "COUNT");
  EXPECT_TRUE(count.star);
  EXPECT_EQ(count.text, "COUNT(*)");
  ASSERT_EQ(s->from.size(), 2u);
  EXPECT_EQ(s->from[0]->database, "db");
  EXPECT_EQ(s->from[0]->name, "t");
  EXPECT_EQ(s->from[0]->alias, "x");
  EXPECT_EQ(s->from[1]->name, "u");
  ASSERT_TRUE(s->where);
  EXPECT_EQ(s->group_by.size(), 2u);
  ASSERT_TRUE(s->having);
  ASSERT_EQ(s->order_by.size(), 2u);
  EXPECT_TRUE(s->order_by[0].descending);
  EXPECT_FALSE(s->order_by[1].descending);
  EXPECT_EQ(As<ast::LiteralExpr>(*s->limit).value.int_value(), 10);
  EXPECT_EQ(As<ast::LiteralExpr>(*s->offset).value.int_value(), 5);
  EXPECT_EQ(s->lock_mode, ast::LockMode::kForUpdate);
}

TEST(ParserTest, SelectWithoutFromAndStars) {
  auto s = ParseAs<ast::SelectStmt>("SELECT 1");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->from.empty());
  s = ParseAs<ast::SelectStmt>("SELECT 1 FROM DUAL");
  EXPECT_TRUE(s->from.empty());
  s = ParseAs<ast::SelectStmt>("SELECT *, t.*, d.t.* FROM t LIMIT 3 OFFSET 4 LOCK IN SHARE MODE");
  ASSERT_EQ(s->items.size(), 3u);
  EXPECT_EQ(As<ast::StarExpr>(Item(*s, 0)).table, "");
  EXPECT_EQ(As<ast::StarExpr>(Item(*s, 1)).table, "t");
  EXPECT_EQ(As<ast::StarExpr>(Item(*s, 2)).database, "d");
  EXPECT_EQ(Item(*s, 1).text, "t.*");
  EXPECT_EQ(As<ast::LiteralExpr>(*s->offset).value.int_value(), 4);
  EXPECT_EQ(s->lock_mode, ast::LockMode::kForShare);
}

TEST(ParserTest, Joins) {
  auto s = ParseAs<ast::SelectStmt>(
      "SELECT * FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (x, y) "
      "CROSS JOIN d NATURAL JOIN e RIGHT JOIN f ON 1");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->from.size(), 1u);
  const ast::TableRef* r = s->from[0].get();
  EXPECT_EQ(r->join_type, ast::TableRef::JoinType::kRight);
  ASSERT_TRUE(r->on);
  r = r->left.get();
  EXPECT_TRUE(r->natural);
  r = r->left.get();
  EXPECT_EQ(r->join_type, ast::TableRef::JoinType::kCross);
  r = r->left.get();
  EXPECT_EQ(r->join_type, ast::TableRef::JoinType::kLeft);
  EXPECT_EQ(r->using_columns, (std::vector<std::string>{"x", "y"}));
  r = r->left.get();
  EXPECT_EQ(r->kind, ast::TableRef::Kind::kJoin);
  EXPECT_EQ(r->join_type, ast::TableRef::JoinType::kInner);
  EXPECT_EQ(r->left->name, "a");
  EXPECT_EQ(r->right->name, "b");
}

TEST(ParserTest, DerivedTablesAndSubqueries) {
  auto s = ParseAs<ast::SelectStmt>(
      "SELECT (SELECT 1), x FROM (SELECT a AS x FROM t) AS d WHERE EXISTS (SELECT 1) "
      "AND x NOT IN (SELECT a FROM u) AND x IN (1, 2)");
  ASSERT_TRUE(s);
  EXPECT_EQ(As<ast::SubqueryExpr>(Item(*s)).form, ast::SubqueryExpr::Form::kScalar);
  EXPECT_EQ(Item(*s).text, "(SELECT 1)");
  EXPECT_EQ(s->from[0]->kind, ast::TableRef::Kind::kDerived);
  EXPECT_EQ(s->from[0]->alias, "d");
  ASSERT_TRUE(s->from[0]->subquery);
  const auto& top = As<ast::BinaryExpr>(*s->where);
  const auto& in_list = As<ast::InListExpr>(*top.right);
  EXPECT_EQ(in_list.list.size(), 2u);
  const auto& left = As<ast::BinaryExpr>(*top.left);
  EXPECT_EQ(As<ast::SubqueryExpr>(*left.left).form, ast::SubqueryExpr::Form::kExists);
  const auto& not_in = As<ast::SubqueryExpr>(*left.right);
  EXPECT_EQ(not_in.form, ast::SubqueryExpr::Form::kIn);
  EXPECT_TRUE(not_in.negated);
}

TEST(ParserTest, Union) {
  auto s =
      ParseAs<ast::SelectStmt>("SELECT 1 UNION ALL SELECT 2 UNION SELECT 3 ORDER BY 1 LIMIT 2");
  ASSERT_TRUE(s);
  // Left-deep: ((1 UNION ALL 2) UNION 3); ORDER BY / LIMIT sit on the whole.
  EXPECT_EQ(s->set_op, ast::SetOperation::kUnion);
  ASSERT_TRUE(s->set_left && s->set_right);
  EXPECT_EQ(s->set_left->set_op, ast::SetOperation::kUnionAll);
  EXPECT_EQ(s->set_right->set_op, ast::SetOperation::kNone);
  EXPECT_EQ(s->order_by.size(), 1u);
  EXPECT_TRUE(s->limit);
  EXPECT_TRUE(s->set_right->order_by.empty());
}

TEST(ParserTest, IntersectBindsTighterThanUnion) {
  auto s = ParseAs<ast::SelectStmt>("SELECT 1 UNION SELECT 2 INTERSECT (SELECT 3 LIMIT 1)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->set_op, ast::SetOperation::kUnion);
  ASSERT_TRUE(s->set_right);
  EXPECT_EQ(s->set_right->set_op, ast::SetOperation::kIntersect);
  EXPECT_TRUE(s->set_right->set_right->limit);
}

// --- Expressions ----------------------------------------------------------------------

TEST(ParserTest, ExprTextIsTheSourceSlice) {
  auto s = SelectExpr("price*2, COUNT(*), qty + 1 ,  (a) , `c` , CONCAT( 'a' , b ) x");
  ASSERT_TRUE(s);
  EXPECT_EQ(Item(*s, 0).text, "price*2");
  EXPECT_EQ(Item(*s, 1).text, "COUNT(*)");
  EXPECT_EQ(Item(*s, 2).text, "qty + 1");
  EXPECT_EQ(Item(*s, 3).text, "(a)");
  EXPECT_EQ(Item(*s, 4).text, "`c`");
  EXPECT_EQ(Item(*s, 5).text, "CONCAT( 'a' , b )");
  EXPECT_EQ(s->items[5].alias, "x");
}

TEST(ParserTest, OrBindsLooserThanAnd) {
  auto s = SelectExpr("a OR b AND c");
  const auto& e = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(e.op, ast::BinaryOp::kOr);
  EXPECT_EQ(As<ast::BinaryExpr>(*e.right).op, ast::BinaryOp::kAnd);
  s = SelectExpr("a || b && c XOR d");  // || and && are OR and AND
  const auto& e2 = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(e2.op, ast::BinaryOp::kOr);
  EXPECT_EQ(As<ast::BinaryExpr>(*e2.right).op, ast::BinaryOp::kXor);
}

TEST(ParserTest, NotIsBelowComparisonAndBangIsAbove) {
  auto s = SelectExpr("NOT a = b");
  const auto& e = As<ast::UnaryExpr>(Item(*s));
  EXPECT_EQ(e.op, ast::UnaryOp::kNot);
  EXPECT_EQ(As<ast::BinaryExpr>(*e.operand).op, ast::BinaryOp::kEq);
  s = SelectExpr("!a = b");
  const auto& e2 = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(e2.op, ast::BinaryOp::kEq);
  EXPECT_EQ(As<ast::UnaryExpr>(*e2.left).op, ast::UnaryOp::kNot);
  s = SelectExpr("NOT a AND b");
  EXPECT_EQ(As<ast::BinaryExpr>(Item(*s)).op, ast::BinaryOp::kAnd);
}

TEST(ParserTest, ArithmeticPrecedence) {
  auto s = SelectExpr("1 + 2 * 3 - 4");
  const auto& sub = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(sub.op, ast::BinaryOp::kSub);
  const auto& add = As<ast::BinaryExpr>(*sub.left);
  EXPECT_EQ(add.op, ast::BinaryOp::kAdd);
  EXPECT_EQ(As<ast::BinaryExpr>(*add.right).op, ast::BinaryOp::kMul);
  s = SelectExpr("-a * b");  // unary minus binds tightest
  const auto& mul = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(mul.op, ast::BinaryOp::kMul);
  EXPECT_EQ(As<ast::UnaryExpr>(*mul.left).op, ast::UnaryOp::kNegate);
  s = SelectExpr("a | b & c << 1 + 2 DIV 3 MOD 4 % 5 ^ 6");
  EXPECT_EQ(As<ast::BinaryExpr>(Item(*s)).op, ast::BinaryOp::kBitOr);
  s = SelectExpr("1--1");
  const auto& minus = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(minus.op, ast::BinaryOp::kSub);
  EXPECT_EQ(As<ast::UnaryExpr>(*minus.right).op, ast::UnaryOp::kNegate);
}

TEST(ParserTest, Predicates) {
  auto s = SelectExpr("a BETWEEN 1 AND 2 AND b NOT LIKE 'x%' ESCAPE '!'");
  const auto& and_expr = As<ast::BinaryExpr>(Item(*s));
  EXPECT_EQ(and_expr.op, ast::BinaryOp::kAnd);
  const auto& between = As<ast::BetweenExpr>(*and_expr.left);
  EXPECT_EQ(between.low->text, "1");
  const auto& like = As<ast::LikeExpr>(*and_expr.right);
  EXPECT_TRUE(like.negated);
  ASSERT_TRUE(like.escape);
  s = SelectExpr("a IS NOT NULL, b IS UNKNOWN, c IS NOT TRUE, d <=> NULL, e NOT IN (1)");
  EXPECT_TRUE(As<ast::IsNullExpr>(Item(*s, 0)).negated);
  EXPECT_EQ(As<ast::IsBoolExpr>(Item(*s, 1)).test, ast::IsBoolExpr::Test::kUnknown);
  EXPECT_TRUE(As<ast::IsBoolExpr>(Item(*s, 2)).negated);
  EXPECT_EQ(As<ast::BinaryExpr>(Item(*s, 3)).op, ast::BinaryOp::kNullSafeEq);
  EXPECT_TRUE(As<ast::InListExpr>(Item(*s, 4)).negated);
}

TEST(ParserTest, Literals) {
  auto s = SelectExpr("1, 1.5, 1.5e0, 'x' 'y', NULL, TRUE, FALSE, 0x41, -3");
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 0)).value.kind(), Value::Kind::kInt);
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 1)).value.kind(), Value::Kind::kDecimal);
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 2)).value.kind(), Value::Kind::kDouble);
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 3)).value.string_value(), "xy");
  EXPECT_EQ(Item(*s, 3).text, "'x' 'y'");
  EXPECT_TRUE(As<ast::LiteralExpr>(Item(*s, 4)).value.is_null());
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 5)).value.int_value(), 1);
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 6)).value.int_value(), 0);
  EXPECT_EQ(As<ast::LiteralExpr>(Item(*s, 7)).value.string_value(), "A");
  EXPECT_EQ(As<ast::UnaryExpr>(Item(*s, 8)).op, ast::UnaryOp::kNegate);
}

TEST(ParserTest, UserVariableNamedLikeAKeyword) {
  // Right after '@' a word is a name, as in MySQL: PREPARE s FROM @sql.
  auto s = SelectExpr("@sql, @select := 1, @`order`");
  ASSERT_TRUE(s);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 0)).name, "sql");
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 1)).name, "select");
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 2)).name, "order");
  EXPECT_TRUE(Parse("SET @sql = 'SELECT 1'").ok());
  EXPECT_TRUE(Parse("PREPARE s FROM @sql").ok());
  // Not when separated: '@ select' stays a syntax error.
  EXPECT_EQ(Parse("SELECT @ select").status().code(), 1064);
  // @@ keeps its scope keywords.
  EXPECT_TRUE(Parse("SET @@session.autocommit = 1").ok());
}

TEST(ParserTest, FunctionsVariablesCaseCast) {
  auto s = SelectExpr(
      "IF(a, 1, 2), LEFT('ab', 1), DATABASE(), CURRENT_USER, NOW(), COUNT(DISTINCT x), "
      "@v, @@version, @@session.autocommit, @@GLOBAL.max_connections, "
      "CASE a WHEN 1 THEN 'x' ELSE 'y' END, CASE WHEN b THEN 1 END, "
      "CAST(a AS SIGNED), CONVERT(b, DECIMAL(10,2)), (1, 2), ?, date(d), MOD(7, 2)");
  ASSERT_TRUE(s);
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 0)).name, "IF");
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 0)).args.size(), 3u);
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 1)).name, "LEFT");
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 2)).name, "DATABASE");
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 3)).name, "CURRENT_USER");
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 4)).name, "NOW");
  EXPECT_TRUE(As<ast::FunctionExpr>(Item(*s, 5)).distinct);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 6)).scope, ast::VariableExpr::Scope::kUser);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 6)).name, "v");
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 7)).scope, ast::VariableExpr::Scope::kSystemDefault);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 8)).scope, ast::VariableExpr::Scope::kSession);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 8)).name, "autocommit");
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 9)).scope, ast::VariableExpr::Scope::kGlobal);
  EXPECT_EQ(Item(*s, 8).text, "@@session.autocommit");
  const auto& simple_case = As<ast::CaseExpr>(Item(*s, 10));
  EXPECT_TRUE(simple_case.operand);
  EXPECT_TRUE(simple_case.else_result);
  EXPECT_FALSE(As<ast::CaseExpr>(Item(*s, 11)).operand);
  const auto& cast = As<ast::CastExpr>(Item(*s, 12));
  EXPECT_EQ(cast.target_name, "SIGNED");
  EXPECT_EQ(cast.target.id, TypeId::kBigInt);
  const auto& convert = As<ast::CastExpr>(Item(*s, 13));
  EXPECT_EQ(convert.target.id, TypeId::kDecimal);
  EXPECT_EQ(convert.target.length, 10u);
  EXPECT_EQ(convert.target.scale, 2);
  EXPECT_EQ(As<ast::RowExpr>(Item(*s, 14)).items.size(), 2u);
  EXPECT_EQ(Item(*s, 15).kind, ExprKind::kParameter);
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 16)).name, "DATE");
  EXPECT_EQ(As<ast::FunctionExpr>(Item(*s, 17)).name, "MOD");
}

TEST(ParserTest, UserVariableAssignment) {
  // The right side of := takes the whole expression; a plain @v has no value.
  auto s = SelectExpr("@v := 1 + 2 OR 0, @w, @`x y` := 'a'");
  ASSERT_TRUE(s);
  const auto& assign = As<ast::VariableExpr>(Item(*s, 0));
  EXPECT_EQ(assign.name, "v");
  ASSERT_TRUE(assign.value);
  EXPECT_EQ(As<ast::BinaryExpr>(*assign.value).op, ast::BinaryOp::kOr);
  EXPECT_EQ(Item(*s, 0).text, "@v := 1 + 2 OR 0");
  EXPECT_FALSE(As<ast::VariableExpr>(Item(*s, 1)).value);
  EXPECT_EQ(As<ast::VariableExpr>(Item(*s, 2)).name, "x y");
  EXPECT_FALSE(Parse("SELECT @@v := 1").ok());
  EXPECT_FALSE(Parse("SELECT @v :=").ok());
}

TEST(ParserTest, NonReservedKeywordsAreNames) {
  auto s = ParseAs<ast::SelectStmt>(
      "SELECT status, date, text, comment, t.order FROM status WHERE `select` = 1");
  ASSERT_TRUE(s);
  EXPECT_EQ(As<ast::ColumnRefExpr>(Item(*s, 0)).column, "status");
  EXPECT_EQ(As<ast::ColumnRefExpr>(Item(*s, 4)).column, "order");
  EXPECT_EQ(s->from[0]->name, "status");
  EXPECT_EQ(Parse("SELECT order FROM t").status().code(), 1064);  // reserved
}

// --- INSERT / UPDATE / DELETE -----------------------------------------------------------

TEST(ParserTest, Insert) {
  auto s = ParseAs<ast::InsertStmt>(
      "INSERT IGNORE INTO db.t (a, b) VALUES (1, DEFAULT), (2, 'x') "
      "ON DUPLICATE KEY UPDATE b = VALUES(b)");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->ignore);
  EXPECT_EQ(s->database, "db");
  EXPECT_EQ(s->table, "t");
  EXPECT_EQ(s->columns, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(s->rows.size(), 2u);
  EXPECT_EQ(s->rows[0][1]->kind, ExprKind::kDefault);
  ASSERT_EQ(s->on_duplicate.size(), 1u);
  EXPECT_EQ(s->on_duplicate[0].column, "b");

  s = ParseAs<ast::InsertStmt>("REPLACE t VALUE ()");
  EXPECT_TRUE(s->replace);
  ASSERT_EQ(s->rows.size(), 1u);
  EXPECT_TRUE(s->rows[0].empty());

  s = ParseAs<ast::InsertStmt>("INSERT INTO t SELECT * FROM u");
  EXPECT_TRUE(s->select);
  EXPECT_TRUE(s->rows.empty());

  s = ParseAs<ast::InsertStmt>("INSERT t SET a = 1, b = 2");
  EXPECT_EQ(s->columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s->rows[0].size(), 2u);

  s = ParseAs<ast::InsertStmt>(std::string("INSERT INTO t1 VALUES (NULL,1,'a')") + '\0');
  EXPECT_EQ(s->rows[0].size(), 3u);
}

TEST(ParserTest, UpdateAndDelete) {
  auto u = ParseAs<ast::UpdateStmt>("UPDATE t SET k=k+1, t.c='x' WHERE id=5 ORDER BY id LIMIT 1");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->table->name, "t");
  ASSERT_EQ(u->assignments.size(), 2u);
  EXPECT_EQ(u->assignments[1].table, "t");
  EXPECT_EQ(u->assignments[0].value->text, "k+1");
  EXPECT_TRUE(u->where);
  EXPECT_EQ(u->order_by.size(), 1u);
  EXPECT_TRUE(u->limit);
  auto d = ParseAs<ast::DeleteStmt>("DELETE FROM t WHERE id=? LIMIT 2");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->table->name, "t");
  EXPECT_EQ(As<ast::BinaryExpr>(*d->where).right->kind, ExprKind::kParameter);
}

// --- DDL ------------------------------------------------------------------------------

TEST(ParserTest, CreateAndDropDatabase) {
  auto c = ParseAs<ast::CreateDatabaseStmt>(
      "CREATE SCHEMA IF NOT EXISTS shop DEFAULT CHARACTER SET = utf8mb4 COLLATE utf8mb4_bin");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->name, "shop");
  EXPECT_TRUE(c->if_not_exists);
  ASSERT_EQ(c->options.size(), 2u);
  EXPECT_EQ(c->options[0].second, "utf8mb4");
  auto d = ParseAs<ast::DropDatabaseStmt>("DROP DATABASE IF EXISTS `shop`");
  EXPECT_TRUE(d->if_exists);
  EXPECT_EQ(d->name, "shop");
  EXPECT_EQ(ParseAs<ast::UseStmt>("USE shop;")->database, "shop");
}

TEST(ParserTest, CreateTable) {
  auto c = ParseAs<ast::CreateTableStmt>(
      "CREATE TABLE sbtest1( id INTEGER NOT NULL AUTO_INCREMENT, k INTEGER DEFAULT '0' NOT "
      "NULL, c CHAR(120) DEFAULT '' NOT NULL, price DECIMAL(10,2) UNSIGNED DEFAULT -1.5, "
      "name VARCHAR(40) CHARACTER SET utf8mb4 COMMENT 'the name', status TEXT, "
      "u BIGINT(20) UNSIGNED UNIQUE KEY, y YEAR, PRIMARY KEY (id), UNIQUE KEY uk (k, c), "
      "INDEX (c), CONSTRAINT named UNIQUE (name)) /*! ENGINE = innodb */ DEFAULT "
      "CHARSET=utf8mb4, COMMENT 'x'");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table, "sbtest1");
  ASSERT_EQ(c->columns.size(), 8u);
  const ast::ColumnDefinition& id = c->columns[0];
  EXPECT_EQ(id.type.id, TypeId::kInt);
  EXPECT_TRUE(id.not_null);
  EXPECT_TRUE(id.auto_increment);
  EXPECT_EQ(As<ast::LiteralExpr>(*c->columns[1].default_value).value.string_value(), "0");
  EXPECT_EQ(c->columns[2].type.id, TypeId::kChar);
  EXPECT_EQ(c->columns[2].type.length, 120u);
  EXPECT_EQ(c->columns[2].type_text, "CHAR(120)");
  const ast::ColumnDefinition& price = c->columns[3];
  EXPECT_EQ(price.type.id, TypeId::kDecimal);
  EXPECT_EQ(price.type.length, 10u);
  EXPECT_EQ(price.type.scale, 2);
  EXPECT_TRUE(price.type.is_unsigned);
  EXPECT_EQ(price.type_text, "DECIMAL(10,2) UNSIGNED");
  EXPECT_EQ(price.default_value->kind, ExprKind::kUnary);
  EXPECT_EQ(c->columns[4].comment, "the name");
  EXPECT_EQ(c->columns[4].unsupported, (std::vector<std::string>{"CHARACTER SET utf8mb4"}));
  EXPECT_EQ(c->columns[5].name, "status");
  EXPECT_EQ(c->columns[5].type.id, TypeId::kText);
  EXPECT_TRUE(c->columns[6].unique);
  EXPECT_FALSE(c->columns[6].primary_key);
  EXPECT_TRUE(c->columns[6].type.is_unsigned);
  EXPECT_EQ(c->columns[7].unsupported, (std::vector<std::string>{"YEAR"}));
  ASSERT_EQ(c->indexes.size(), 4u);
  EXPECT_EQ(c->indexes[0].kind, ast::IndexDefinition::Kind::kPrimary);
  EXPECT_EQ(c->indexes[1].kind, ast::IndexDefinition::Kind::kUnique);
  EXPECT_EQ(c->indexes[1].name, "uk");
  EXPECT_EQ(c->indexes[1].columns, (std::vector<std::string>{"k", "c"}));
  EXPECT_EQ(c->indexes[2].kind, ast::IndexDefinition::Kind::kIndex);
  EXPECT_EQ(c->indexes[3].name, "named");
  ASSERT_EQ(c->options.size(), 3u);
  EXPECT_EQ(c->options[0].name, "ENGINE");
  EXPECT_EQ(c->options[0].value, "innodb");
  EXPECT_EQ(c->options[1].name, "DEFAULT CHARSET");
  EXPECT_EQ(c->options[2].value, "x");
}

TEST(ParserTest, CreateTableSerialAndMysqlslap) {
  auto c = ParseAs<ast::CreateTableStmt>(
      std::string("CREATE TABLE `t1` (id serial,intcol1 INT(32) ,charcol1 VARCHAR(128))") + '\0');
  ASSERT_TRUE(c);
  const ast::ColumnDefinition& id = c->columns[0];
  EXPECT_EQ(id.type.id, TypeId::kBigInt);
  EXPECT_TRUE(id.type.is_unsigned);
  EXPECT_TRUE(id.not_null && id.auto_increment && id.unique);
  EXPECT_EQ(c->columns[1].type.length, 32u);
  auto t = ParseAs<ast::CreateTableStmt>("CREATE TEMPORARY TABLE IF NOT EXISTS d.t LIKE d.u");
  EXPECT_TRUE(t->temporary && t->if_not_exists);
  EXPECT_EQ(t->like_table, "u");
  EXPECT_EQ(Parse("CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES u (b))").status().code(),
            1235);
  // DESC is recorded per key column (secondary indexes store it; the binder refuses
  // a descending PRIMARY KEY rather than silently building it ascending).
  EXPECT_TRUE(Parse("CREATE TABLE t (a INT, PRIMARY KEY (a ASC))").ok());
  auto desc = ParseAs<ast::CreateTableStmt>("CREATE TABLE t (a INT, b INT, KEY (a DESC, b))");
  ASSERT_EQ(desc->indexes.size(), 1u);
  EXPECT_EQ(desc->indexes[0].descending, (std::vector<bool>{true, false}));
}

TEST(ParserTest, ShowWarningsLimitIsRefusedNotDropped) {
  EXPECT_TRUE(Parse("SHOW WARNINGS").ok());
  EXPECT_EQ(Parse("SHOW WARNINGS LIMIT 1").status().code(), 1235);
  EXPECT_EQ(Parse("SHOW ERRORS LIMIT 0, 5").status().code(), 1235);
}

TEST(ParserTest, CreateIndexAndDropTable) {
  auto i = ParseAs<ast::CreateIndexStmt>("CREATE INDEX k_1 ON sbtest1(k)");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->table, "sbtest1");
  EXPECT_EQ(i->index.name, "k_1");
  EXPECT_EQ(i->index.kind, ast::IndexDefinition::Kind::kIndex);
  auto d = ParseAs<ast::DropTableStmt>("DROP TEMPORARY TABLE IF EXISTS a, db.b");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->temporary && d->if_exists);
  ASSERT_EQ(d->tables.size(), 2u);
  EXPECT_EQ(d->tables[1].database, "db");
}

// --- SHOW / DESCRIBE / SET / transactions / EXPLAIN -------------------------------------

TEST(ParserTest, Show) {
  using W = ast::ShowStmt::What;
  auto s = ParseAs<ast::ShowStmt>("SHOW DATABASES LIKE 'sh%'");
  EXPECT_EQ(s->what, W::kDatabases);
  EXPECT_EQ(s->like, "sh%");
  s = ParseAs<ast::ShowStmt>("SHOW FULL TABLES FROM shop WHERE 1");
  EXPECT_EQ(s->what, W::kTables);
  EXPECT_TRUE(s->full);
  EXPECT_EQ(s->database, "shop");
  EXPECT_TRUE(s->where);
  s = ParseAs<ast::ShowStmt>("SHOW COLUMNS FROM t FROM shop");
  EXPECT_EQ(s->what, W::kColumns);
  EXPECT_EQ(s->table, "t");
  EXPECT_EQ(s->database, "shop");
  s = ParseAs<ast::ShowStmt>("DESCRIBE shop.t c");
  EXPECT_EQ(s->what, W::kColumns);
  EXPECT_EQ(s->database, "shop");
  EXPECT_EQ(s->column, "c");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("DESC t")->table, "t");
  EXPECT_EQ(ParseAs<ast::ShowStmt>("EXPLAIN t")->what, W::kColumns);
  s = ParseAs<ast::ShowStmt>("SHOW GLOBAL VARIABLES LIKE 'max%'");
  EXPECT_EQ(s->what, W::kVariables);
  EXPECT_TRUE(s->global);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW SESSION STATUS")->what, W::kStatus);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW CREATE TABLE t")->what, W::kCreateTable);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW CREATE DATABASE d")->what, W::kCreateDatabase);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW WARNINGS")->what, W::kWarnings);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW ERRORS")->what, W::kErrors);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW TABLE STATUS")->what, W::kTableStatus);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW KEYS FROM t")->what, W::kIndex);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW FULL PROCESSLIST")->what, W::kProcessList);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW ENGINES")->what, W::kEngines);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW COLLATION")->what, W::kCollation);
  EXPECT_EQ(ParseAs<ast::ShowStmt>("SHOW CHARACTER SET")->what, W::kCharset);
  // SHOW GRANTS is an account statement (GrantStmt), not a ShowStmt.
  EXPECT_NE(ParseAs<ast::GrantStmt>("SHOW GRANTS"), nullptr);
}

TEST(ParserTest, Set) {
  using Kind = ast::SetStmt::Item::Kind;
  using Scope = ast::VariableExpr::Scope;
  auto s = ParseAs<ast::SetStmt>(
      "SET autocommit=1, @x := 5, @@session.sql_mode = 'X', GLOBAL max_connections = 10, "
      "sql_mode = TRADITIONAL, unique_checks = ON, foreign_key_checks = DEFAULT");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->items.size(), 7u);
  EXPECT_EQ(s->items[0].name, "autocommit");
  EXPECT_EQ(s->items[0].scope, Scope::kSystemDefault);
  EXPECT_EQ(s->items[1].scope, Scope::kUser);
  EXPECT_EQ(s->items[1].name, "x");
  EXPECT_EQ(s->items[2].scope, Scope::kSession);
  EXPECT_EQ(s->items[3].scope, Scope::kGlobal);
  EXPECT_EQ(As<ast::LiteralExpr>(*s->items[4].value).value.string_value(), "TRADITIONAL");
  EXPECT_EQ(As<ast::LiteralExpr>(*s->items[5].value).value.string_value(), "ON");
  EXPECT_EQ(s->items[6].value->kind, ExprKind::kDefault);
  EXPECT_EQ(s->items[0].text, "autocommit=1");

  s = ParseAs<ast::SetStmt>("SET NAMES utf8mb4 COLLATE 'utf8mb4_bin'");
  EXPECT_EQ(s->items[0].kind, Kind::kNames);
  EXPECT_EQ(s->items[0].name, "utf8mb4");
  EXPECT_EQ(s->items[0].collation, "utf8mb4_bin");
  s = ParseAs<ast::SetStmt>("SET CHARACTER SET latin1");
  EXPECT_EQ(s->items[0].kind, Kind::kCharacterSet);
  s = ParseAs<ast::SetStmt>("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
  EXPECT_EQ(s->items[0].kind, Kind::kTransaction);
  EXPECT_EQ(s->items[0].scope, Scope::kSession);
  EXPECT_EQ(s->items[0].name, "transaction_isolation");
  EXPECT_EQ(As<ast::LiteralExpr>(*s->items[0].value).value.string_value(), "READ-COMMITTED");
  s = ParseAs<ast::SetStmt>("SET TRANSACTION READ ONLY");
  EXPECT_EQ(As<ast::LiteralExpr>(*s->items[0].value).value.int_value(), 1);
}

TEST(ParserTest, Transactions) {
  using A = ast::TransactionStmt::Action;
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("BEGIN")->action, A::kBegin);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("BEGIN WORK")->action, A::kBegin);
  EXPECT_TRUE(ParseAs<ast::TransactionStmt>("START TRANSACTION READ ONLY")->read_only);
  EXPECT_TRUE(ParseAs<ast::TransactionStmt>("START TRANSACTION WITH CONSISTENT SNAPSHOT")
                  ->consistent_snapshot);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("COMMIT WORK")->action, A::kCommit);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("ROLLBACK")->action, A::kRollback);
  auto r = ParseAs<ast::TransactionStmt>("ROLLBACK TO SAVEPOINT sp1");
  EXPECT_EQ(r->action, A::kRollbackToSavepoint);
  EXPECT_EQ(r->savepoint, "sp1");
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("SAVEPOINT sp")->action, A::kSavepoint);
  EXPECT_EQ(ParseAs<ast::TransactionStmt>("RELEASE SAVEPOINT sp")->action, A::kRelease);
}

TEST(ParserTest, Explain) {
  auto e = ParseAs<ast::ExplainStmt>("EXPLAIN SELECT 1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->statement->kind, ast::StmtKind::kSelect);
  e = ParseAs<ast::ExplainStmt>("EXPLAIN ANALYZE UPDATE t SET a = 1");
  EXPECT_TRUE(e->analyze);
  EXPECT_EQ(e->statement->kind, ast::StmtKind::kUpdate);
}

// --- Comments, empty input, versioned comments ------------------------------------------

TEST(ParserTest, EmptyAndCommentOnly) {
  EXPECT_EQ(Parse("").status().code(), 1065);
  EXPECT_EQ(Parse("  \n\t").status().code(), 1065);
  EXPECT_EQ(Parse(std::string_view("\0\0", 2)).status().code(), 1065);
  EXPECT_EQ(Parse(";").status().code(), 1065);
  EXPECT_EQ(Parse("Query was empty").status().code(), 1064);
  EXPECT_EQ(Parse("").status().message(), "Query was empty");
  for (const char* sql : {"/* x */", "-- x", "# x", "/*!99999 garbage */"}) {
    Result<ast::StmtPtr> r = Parse(sql);
    ASSERT_TRUE(r.ok()) << sql;
    EXPECT_EQ(r.value()->kind, ast::StmtKind::kEmpty) << sql;
  }
}

TEST(ParserTest, CommentsAndVersionedComments) {
  auto s = ParseAs<ast::SelectStmt>("SELECT /* c */ 1 /*! +1 */ -- tail\n FROM t # x");
  ASSERT_TRUE(s);
  EXPECT_EQ(Item(*s).kind, ExprKind::kBinary);
  s = ParseAs<ast::SelectStmt>("SELECT 1 /*!90000 +1 */");
  EXPECT_EQ(Item(*s).kind, ExprKind::kLiteral);
  s = ParseAs<ast::SelectStmt>("SELECT 1 /*M!100000 +1 */");
  EXPECT_EQ(Item(*s).kind, ExprKind::kLiteral);
  s = ParseAs<ast::SelectStmt>("/*+ hint */ SELECT 2;  \n");
  ASSERT_TRUE(s);
  s = ParseAs<ast::SelectStmt>("SELECT /*!40001 SQL_NO_CACHE */ * FROM `t`");  // mysqldump
  ASSERT_TRUE(s);
  EXPECT_EQ(Item(*s).kind, ExprKind::kStar);
  s = ParseAs<ast::SelectStmt>("SELECT ALL DISTINCT a FROM t");
  EXPECT_TRUE(s->distinct);
}

// --- Errors ---------------------------------------------------------------------------

// Messages compared with MariaDB 10.11 (which says "MariaDB" where we say "MySQL").
TEST(ParserTest, SyntaxErrorMessagesMatchMariaDb) {
  EXPECT_EQ(ErrorOf("SELECT 1 FROM FROM t"), Near("FROM t", 1));
  EXPECT_EQ(ErrorOf("SELEC 1"), Near("SELEC 1", 1));
  EXPECT_EQ(ErrorOf("SELECT 1 +"), Near("", 1));
  EXPECT_EQ(ErrorOf("SELECT\n1\nFROM"), Near("", 3));
  EXPECT_EQ(ErrorOf("SELECT a FROM t WHERE\nx = 1\n y \n z"), Near("y \n z", 3));
  EXPECT_EQ(ErrorOf("SELECT a FROM t WHERE x = 'abc"), Near("'abc", 1));
  EXPECT_EQ(ErrorOf("SELECT `abc"), Near("`abc", 1));
  EXPECT_EQ(ErrorOf("select 1 from t where a = 'x' 'y' z"), Near("z", 1));
  EXPECT_EQ(ErrorOf("SELECT 1 FROM t LIMIT -1"), Near("-1", 1));
  EXPECT_EQ(ErrorOf("SELECT 1; SELECT 2"), Near("SELECT 2", 1));
  // Longer than 80 bytes: 77 bytes and "...", never cutting a UTF-8 character.
  EXPECT_EQ(ErrorOf("SELECT * FROM t WHERE a = 1 AND b = 2 ORDER BY c LIMIT 10 xyzzy abc def ghi "
                    "jkl mno pqr stu vwx yz0 123 456 789 0ab cde fgh ijk lmn opq rst uvw xyz"),
            Near("xyzzy abc def ghi jkl mno pqr stu vwx yz0 123 456 789 0ab cde fgh ijk lmn "
                 "opq...",
                 1));
  std::string x75(75, 'x');
  EXPECT_EQ(ErrorOf("SELECT 1 FROM t a " + x75 + "\xC3\xA9\xC3\xA9"),
            Near(x75 + "\xC3\xA9\xC3\xA9", 1));
  EXPECT_EQ(ErrorOf("SELECT 1 FROM t a " + x75 + "\xC3\xA9\xC3\xA9\xC3\xA9"),
            Near(x75 + "\xC3\xA9...", 1));
  EXPECT_EQ(Parse("SELECT 1 FROM").status().code(), 1064);
  EXPECT_STREQ(Parse("SELECT 1 FROM").status().sqlstate(), "42000");
}

TEST(ParserTest, IdentifierTooLong) {
  std::string name(65, 'a');
  Result<ast::StmtPtr> r = Parse("SELECT * FROM " + name);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), 1059);
  EXPECT_EQ(r.status().message(), "Identifier name '" + name + "' is too long");
  EXPECT_TRUE(Parse("SELECT * FROM " + std::string(64, 'a')).ok());
}

// --- Limits ---------------------------------------------------------------------------

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string parens = "SELECT " + std::string(100000, '(') + "1" + std::string(100000, ')');
  Result<ast::StmtPtr> r = Parse(parens);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), 1064);
  EXPECT_EQ(r.status().message().rfind("memory exhausted near '((((", 0), 0u);

  std::string minus = "SELECT ";
  for (int i = 0; i < 20000; i++) minus += "- ";
  EXPECT_FALSE(Parse(minus + "1").ok());

  // Left-deep chains use no parser stack but build deep trees: capped too.
  std::string chain = "SELECT 1";
  for (int i = 0; i < 100000; i++) chain += "+1";
  r = Parse(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), 1473);

  std::string subqueries = "SELECT ";
  for (int i = 0; i < 100; i++) subqueries += "(SELECT ";
  subqueries += "1" + std::string(100, ')');
  EXPECT_EQ(Parse(subqueries).status().code(), 1473);

  // Moderate nesting is fine.
  EXPECT_TRUE(Parse("SELECT " + std::string(500, '(') + "1" + std::string(500, ')')).ok());
  std::string or_chain = "SELECT * FROM t WHERE id = 0";
  for (int i = 1; i < 900; i++) or_chain += " OR id = " + std::to_string(i);
  EXPECT_TRUE(Parse(or_chain).ok());
}

TEST(ParserTest, HugeStatement) {
  // A 1 MB multi-row INSERT, like sysbench's prepare phase.
  std::string sql = "INSERT INTO t (k, c) VALUES ";
  int rows = 0;
  while (sql.size() < (1 << 20)) {
    if (rows++) sql += ",";
    sql += "(" + std::to_string(rows) + ", '68537555552-57365633494-91724924380')";
  }
  auto s = ParseAs<ast::InsertStmt>(sql);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->rows.size(), static_cast<size_t>(rows));
  // A 1 MB string literal and a 1 MB garbage statement.
  EXPECT_TRUE(Parse("SELECT '" + std::string(1 << 20, 'x') + "'").ok());
  EXPECT_EQ(Parse(std::string(1 << 20, '@')).status().code(), 1064);
}

TEST(ParserTest, GarbageNeverCrashes) {
  const char* inputs[] = {"(",
                          ")",
                          "SELECT (",
                          "SELECT )",
                          "SELECT 'a",
                          "/*",
                          "/*!",
                          "/*!50000",
                          "SELECT /*! 1",
                          "`",
                          "@",
                          "@@",
                          "SELECT @@a.b.c",
                          "SELECT 1 +* 2",
                          "INSERT",
                          "CREATE TABLE t (",
                          "SET",
                          "SHOW",
                          "SELECT CASE END",
                          "SELECT x'4'",
                          "SELECT 1e99999",
                          "\xff\xfe",
                          "SELECT * FROM t t t"};
  for (const char* sql : inputs) {
    Result<ast::StmtPtr> r = Parse(sql);
    EXPECT_FALSE(r.ok() && r.value()->kind != ast::StmtKind::kEmpty) << sql;
  }
}

}  // namespace
}  // namespace minisql::sql

namespace minisql::sql {
namespace {

TEST(ParserTest, CurrentTimestampDefaultsAndOnUpdate) {
  auto c = ParseAs<ast::CreateTableStmt>(
      "CREATE TABLE t (a TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
      "b DATETIME(3) DEFAULT NOW(3) ON UPDATE now(3), c DATETIME DEFAULT LOCALTIMESTAMP(), d INT)");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->columns.size(), 4u);
  const auto& a_default = As<ast::FunctionExpr>(*c->columns[0].default_value);
  EXPECT_EQ(a_default.name, "CURRENT_TIMESTAMP");
  EXPECT_TRUE(a_default.args.empty());
  EXPECT_EQ(c->columns[0].on_update_now_fsp, 0);
  const auto& b_default = As<ast::FunctionExpr>(*c->columns[1].default_value);
  EXPECT_EQ(b_default.name, "CURRENT_TIMESTAMP");
  ASSERT_EQ(b_default.args.size(), 1u);
  EXPECT_EQ(c->columns[1].on_update_now_fsp, 3);
  EXPECT_EQ(As<ast::FunctionExpr>(*c->columns[2].default_value).name, "CURRENT_TIMESTAMP");
  EXPECT_EQ(c->columns[3].on_update_now_fsp, -1);
  EXPECT_FALSE(Parse("CREATE TABLE t (a DATETIME DEFAULT FOO())").ok());
  EXPECT_FALSE(Parse("CREATE TABLE t (a DATETIME ON UPDATE 1)").ok());
}

TEST(ParserTest, PositionInAndHexNumbers) {
  auto s = SelectExpr("POSITION('b' IN s)");
  ASSERT_NE(s, nullptr);
  const auto& f = As<ast::FunctionExpr>(Item(*s));
  EXPECT_EQ(f.name, "LOCATE");
  EXPECT_EQ(f.args.size(), 2u);
  auto column = SelectExpr("position + 1");  // still a column name
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(Item(*column).kind, ExprKind::kBinary);
  EXPECT_FALSE(Parse("SELECT POSITION('a', 'b')").ok());
  auto hex = SelectExpr("0x41, X'41'");
  ASSERT_NE(hex, nullptr);
  EXPECT_TRUE(As<ast::LiteralExpr>(Item(*hex, 0)).hex_number);
  EXPECT_FALSE(As<ast::LiteralExpr>(Item(*hex, 1)).hex_number);
}

TEST(ParserTest, AlterTableOptions) {
  auto a = ParseAs<ast::AlterTableStmt>(
      "ALTER TABLE t ENGINE=InnoDB, DEFAULT CHARSET utf8mb4, COMMENT = 'x', AUTO_INCREMENT=5, "
      "ADD COLUMN c INT");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->actions.size(), 5u);
  using Kind = ast::AlterTableStmt::Action::Kind;
  EXPECT_EQ(a->actions[0].kind, Kind::kTableOption);
  EXPECT_EQ(a->actions[0].option.name, "ENGINE");
  EXPECT_EQ(a->actions[0].option.value, "InnoDB");
  EXPECT_EQ(a->actions[1].option.name, "DEFAULT CHARSET");
  EXPECT_EQ(a->actions[2].option.value, "x");
  EXPECT_EQ(a->actions[3].option.name, "AUTO_INCREMENT");
  EXPECT_EQ(a->actions[4].kind, Kind::kAddColumn);
  EXPECT_FALSE(Parse("ALTER TABLE t ENGINE").ok());
}

}  // namespace
}  // namespace minisql::sql
