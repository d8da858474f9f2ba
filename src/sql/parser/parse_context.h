// parse_context.h — the state of one Parse() call, shared by the driver (parser.cc)
// and the grammar actions (grammar.y).
//
// Lemon's value stack is a C union, so the grammar's semantic values are plain
// structs and raw pointers (Token, ExprSpan, ExprList, TypeSpec ... below). The
// actions are one-liners that call the builder methods here, which create the AST
// nodes, wrap child pointers into unique_ptr and fill each Expr's `text` from the
// span of source it covers.
//
// Errors: the first error wins. A syntax error, a too-long identifier or an
// unsupported construct is recorded in `error_`; the driver stops feeding tokens as
// soon as failed() is true, and Lemon's %destructors free the partial trees.
//
// Nesting limits (so that deep input fails cleanly instead of overflowing the C++
// stack in the parser, the binder or a destructor):
//   * Lemon's own stack (%stack_size in grammar.y): "memory exhausted near ..." 1064,
//     as MariaDB's parser reports it;
//   * expression depth, counted bottom-up in ExprSpan::depth, including the depth of
//     subqueries, whose frames the driver opens at "( SELECT" and closes at the
//     matching ")": more than kMaxExprDepth -> 1473;
//   * subquery nesting beyond kMaxSelectNesting -> 1473 (MySQL's limit is 63 too).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "sql/parser/tokenizer.h"

namespace minisql::sql {

/// An expression under construction and the source bytes [begin, end) it spans.
struct ExprSpan {
  ast::Expr* expr;
  uint32_t begin;
  uint32_t end;
  uint32_t depth;  // height of the expression tree
};

/// A comma-separated expression list (function arguments, IN lists, VALUES rows).
struct ExprList {
  std::vector<ast::ExprPtr>* items;
  uint32_t depth;  // the deepest item
};

/// A CASE expression's WHEN ... THEN ... list while it is being read.
struct CaseList {
  ast::CaseExpr* node;
  uint32_t depth;
};

/// GROUP_CONCAT's optional `ORDER BY ... [SEPARATOR 's']` / `SEPARATOR 's'` tail.
struct GroupConcatTail {               // no initialisers: the parser keeps it in a union
  std::vector<ast::OrderItem>* order;  // null when absent
  Token separator;
  bool has_separator;
};

/// The SELECT options the grammar's `distinct` collects, as bits.
constexpr int kSelectDistinct = 1;
constexpr int kSelectCalcFoundRows = 2;

/// db.table or table (first.length == 0 when not qualified).
/// One column of a key: `name [ASC|DESC]`.
struct KeyColumn {  // no initialisers: the parser keeps it in a union
  Token name;
  bool descending;
};

struct QualifiedName {
  Token first;
  Token second;
  int parts;
};

/// (n) or (p,s) after a type name; given == false when absent.
struct LengthSpec {
  uint32_t length;
  uint32_t scale;
  bool given;
  bool has_scale;
  uint32_t end;  // just past ')'
};

/// UNSIGNED / SIGNED / ZEROFILL after a numeric type.
struct NumericFlags {
  bool is_unsigned;
  bool zerofill;
  uint32_t end;  // 0 when none were written
};

/// A column or CAST type as parsed.
struct TypeSpec {
  TypeId id;
  bool is_unsigned;
  bool zerofill;
  bool serial;  // SERIAL = BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
  uint32_t length;
  uint8_t scale;
  const char* unsupported;  // a type we parse but cannot store yet (YEAR, BINARY ...)
  uint32_t begin;
  uint32_t end;
};

struct LimitSpec {
  ast::Expr* limit;
  ast::Expr* offset;
};

struct JoinCondition {
  ast::Expr* on;
  std::vector<std::string>* using_columns;
};

/// SHOW ... LIKE 'x' | WHERE expr
struct ShowFilter {
  Token like;  // type 0: none
  ast::Expr* where;
};

/// The target of a SET item: a name and how it was scoped.
struct SetTarget {
  ast::VariableExpr::Scope scope;
  Token name;
  uint32_t begin;
};

/// OVER w / OVER (...) while it is read: the spec and the end of its source text.
struct WindowClause {
  ast::WindowSpec* spec;
  uint32_t end;
};

/// WINDOW w AS (...), ...
using NamedWindows = std::vector<std::pair<std::string, std::unique_ptr<ast::WindowSpec>>>;

class ParseContext {
 public:
  static constexpr uint32_t kMaxExprDepth = 1000;
  static constexpr size_t kMaxSelectNesting = 63;
  static constexpr size_t kMaxNestedTextBytes = 256;
  static constexpr size_t kMaxIdentifierLength = 64;

  explicit ParseContext(std::string_view sql);

  // --- Errors ------------------------------------------------------------------------
  bool failed() const { return !error_.ok(); }
  const Status& error() const { return error_; }
  /// 1064 "... near '<text from `at`>' at line N" (at end of input: near '').
  void SyntaxError(const Token& at);
  void SyntaxErrorAtEnd();
  /// Lemon's stack is full: MariaDB's "memory exhausted near ..." form of 1064, at the
  /// token being fed.
  void StackOverflow();
  /// The driver notes each token before feeding it (for StackOverflow()).
  void set_current_token(const Token& t) { current_token_ = t; }
  void NotSupported(const char* feature);
  void Fail(Status status);

  // --- The result --------------------------------------------------------------------
  void SetResult(ast::Stmt* stmt);
  ast::StmtPtr TakeResult() { return std::move(result_); }

  // --- Subquery frames (driven by parser.cc) -----------------------------------------
  void OpenSelectFrame();
  /// Closes the innermost frame and returns its expression depth.
  uint32_t CloseSelectFrame();
  size_t select_nesting() const { return frames_.size() - 1; }
  /// Depth of the subquery whose ")" was fed last (read by the `( select )` actions).
  void set_closed_subquery_depth(uint32_t d) { closed_subquery_depth_ = d; }

  // --- Names and literals ------------------------------------------------------------
  std::string_view Slice(uint32_t begin, uint32_t end) const;
  std::string_view TextOf(const Token& t) const { return Slice(t.offset, End(t)); }
  static uint32_t End(const Token& t) { return t.offset + t.length; }
  /// An identifier or keyword-as-name, backticks removed.
  std::string Name(const Token& t) const;
  /// A database, table, column or index name: also checks MySQL's 64-character limit.
  std::string ObjectName(const Token& t);
  /// An identifier or a string literal (charset names, aliases, SHOW ... LIKE).
  std::string NameOrString(const Token& t) const;
  std::string StringValue(const Token& t) const;
  uint32_t IntegerValue(const Token& t);

  // --- Expressions -------------------------------------------------------------------
  ExprSpan Literal(const Token& t);
  ExprSpan NullLiteral(const Token& t);
  ExprSpan BoolLiteral(const Token& t, bool value);
  ExprSpan Column(const Token* db, const Token* table, const Token& column);
  ExprSpan Parameter(const Token& t);
  ExprSpan Unary(const Token& op, ast::UnaryOp kind, ExprSpan operand);
  ExprSpan Binary(ExprSpan left, ast::BinaryOp op, ExprSpan right);
  ExprSpan IsNull(ExprSpan operand, bool negated, const Token& last);
  ExprSpan IsBool(ExprSpan operand, ast::IsBoolExpr::Test test, bool negated, const Token& last);
  ExprSpan Like(ExprSpan operand, bool negated, ExprSpan pattern, ExprSpan* escape);
  ExprSpan InList(ExprSpan operand, bool negated, ExprList list, const Token& rp);
  ExprSpan InSubquery(ExprSpan operand, bool negated, ast::SelectStmt* select, const Token& rp);
  ExprSpan Between(ExprSpan operand, bool negated, ExprSpan low, ExprSpan high);
  ExprSpan Function(const Token& name, ExprList args, bool distinct, const Token& rp);
  ExprSpan FunctionStar(const Token& name, const Token& rp);
  /// GROUP_CONCAT([DISTINCT] args ORDER BY ... SEPARATOR 's'); a syntax error for any
  /// other function name.
  ExprSpan GroupConcat(const Token& name, bool distinct, ExprList args, GroupConcatTail tail,
                       const Token& rp);
  /// SUBSTRING(s FROM p [FOR n]) as the plain call SUBSTRING(s, p [, n]); TRIM(x FROM
  /// s) as TRIM(s, x). A syntax error for any other name.
  ExprSpan KeywordFunction(const Token& name, ExprList args, const Token& rp);
  /// TRIM(side [remove] FROM s) as `side_function`(s, remove) (remove defaults to ' ').
  ExprSpan TrimFunction(const Token& name, const char* side_function, ExprSpan* remove,
                        ExprSpan str, const Token& rp);
  ExprSpan NiladicFunction(const Token& name);
  /// `@name := value`: a user variable assigned as the expression is evaluated.
  ExprSpan AssignVariable(const Token& at, const Token& name, ExprSpan value);
  ExprSpan Variable(const Token& at, ast::VariableExpr::Scope scope, const Token* scope_name,
                    const Token& name);
  ExprSpan Case(const Token& case_kw, ExprSpan* operand, CaseList whens, ExprSpan* else_result,
                const Token& end_kw);
  CaseList CaseWhen(CaseList* list, ExprSpan when, ExprSpan then);
  ExprSpan Cast(const Token& kw, ExprSpan operand, const Token& before_type, TypeSpec type,
                const Token& rp);
  ExprSpan Parenthesized(const Token& lp, ExprSpan inner, const Token& rp);
  ExprSpan Row(const Token& lp, ExprSpan first, ExprList rest, const Token& rp);
  ExprSpan Subquery(const Token& first, ast::SubqueryExpr::Form form, ast::SelectStmt* select,
                    const Token& rp);
  ExprSpan Default(const Token& t);
  /// SET x = ON / OFF / bare words: MySQL treats a bare name as the string value.
  ExprSpan SetValue(ExprSpan value);
  ExprSpan KeywordAsString(const Token& t);

  ExprList NewList(ExprSpan first);
  ExprList EmptyList();
  ExprList Append(ExprList list, ExprSpan item);

  // --- SELECT ------------------------------------------------------------------------
  /// `options`: kSelectDistinct | kSelectCalcFoundRows bits.
  ast::SelectStmt* SelectCore(int options, std::vector<ast::SelectItem>* items,
                              std::vector<std::unique_ptr<ast::TableRef>>* from, ExprSpan where,
                              ExprList group_by, ExprSpan having);
  // Set operations, WITH, ANY/ALL, CREATE VIEW: query_builder.cc.
  ast::SelectStmt* SetOperation(ast::SelectStmt* left, ast::SetOperation op,
                                ast::SelectStmt* right);
  ast::Stmt* FinishParenSelect(ast::SelectStmt* select, std::vector<ast::OrderItem>* order_by,
                               LimitSpec limit);
  ast::SelectStmt* AddCte(ast::SelectStmt* with, bool recursive, ast::CommonTableExpr* cte);
  ast::CommonTableExpr* Cte(const Token& name, std::vector<std::string>* columns,
                            ast::SelectStmt* select);
  ast::SelectStmt* AttachWith(ast::SelectStmt* with, ast::SelectStmt* select);
  ExprSpan QuantifiedSubquery(ExprSpan left, ast::BinaryOp op, bool all, ast::SelectStmt* select,
                              const Token& rp);
  ast::Stmt* CreateView(bool or_replace, QualifiedName name, std::vector<std::string>* columns,
                        const Token& as_kw, ast::SelectStmt* select);
  ast::SelectStmt* FinishSelect(ast::SelectStmt* select, std::vector<ast::OrderItem>* order_by,
                                LimitSpec limit, ast::LockMode lock);
  std::vector<ast::SelectItem>* AddSelectItem(std::vector<ast::SelectItem>* items, ExprSpan expr,
                                              const Token& alias);
  std::vector<ast::SelectItem>* AddStar(std::vector<ast::SelectItem>* items, const Token* db,
                                        const Token* table, const Token& star);
  std::vector<ast::OrderItem>* AddOrderItem(std::vector<ast::OrderItem>* items, ExprSpan expr,
                                            bool descending);
  LimitSpec Limit(ExprSpan limit, ExprSpan* offset);

  ast::TableRef* BaseTable(QualifiedName name, const Token& alias);
  ast::TableRef* DerivedTable(ast::SelectStmt* select, const Token& alias);
  ast::TableRef* Join(ast::TableRef* left, ast::TableRef::JoinType type, bool natural,
                      ast::TableRef* right, JoinCondition cond);
  std::vector<std::unique_ptr<ast::TableRef>>* AddTableRef(
      std::vector<std::unique_ptr<ast::TableRef>>* list, ast::TableRef* ref);
  /// UPDATE a, b: a comma list as one cross join.
  ast::TableRef* CrossJoinAll(std::vector<std::unique_ptr<ast::TableRef>>* list);

  // --- Window functions (window_builder.cc) ----------------------------------------
  /// Makes the call `call` a window function call over `window`.
  ExprSpan Over(ExprSpan call, WindowClause window);
  WindowClause WindowByName(const Token& name);
  ast::WindowSpec* WindowBody(const Token& base, ExprList partition_by,
                              std::vector<ast::OrderItem>* order_by, ast::WindowFrame* frame);
  ast::WindowFrame* MakeWindowFrame(bool range, ast::WindowFrameBound* start,
                                    ast::WindowFrameBound* end);
  ast::WindowFrameBound* FrameBound(ast::WindowFrameBound::Kind kind, ExprSpan* offset);
  NamedWindows* AddNamedWindow(NamedWindows* list, const Token& name, ast::WindowSpec* spec);
  ast::SelectStmt* AttachWindows(ast::SelectStmt* select, NamedWindows* windows);

  // --- INSERT / UPDATE / DELETE ------------------------------------------------------
  ast::InsertStmt* InsertHead(bool replace, bool ignore, QualifiedName table);
  void AddInsertRow(ast::InsertStmt* insert, ExprList values);
  std::vector<ast::Assignment>* AddAssignment(std::vector<ast::Assignment>* list,
                                              QualifiedName column, ExprSpan value);
  void InsertSet(ast::InsertStmt* insert, std::vector<ast::Assignment>* assignments);
  ast::UpdateStmt* Update(ast::TableRef* table, std::vector<ast::Assignment>* assignments,
                          ExprSpan where, std::vector<ast::OrderItem>* order_by, ExprSpan limit);
  ast::DeleteStmt* Delete(ast::TableRef* table, ExprSpan where,
                          std::vector<ast::OrderItem>* order_by, ExprSpan limit);
  ast::DeleteStmt* DeleteMulti(std::vector<ast::TableName>* targets, ast::TableRef* join,
                               ExprSpan where);

  // --- DDL ---------------------------------------------------------------------------
  ast::CreateTableStmt* CreateTableHead(bool temporary, bool if_not_exists, QualifiedName name);
  ast::ColumnDefinition* NewColumn(const Token& name, TypeSpec type);
  void AddColumnAttribute(ast::ColumnDefinition* column, const std::string& unsupported);
  void SetColumnDefault(ast::ColumnDefinition* column, ExprSpan value);
  /// ALTER TABLE t <name>=<value>: a kTableOption action.
  ast::AlterTableStmt::Action* AlterTableOption(const char* name, const Token& value);
  /// CURRENT_TIMESTAMP / NOW / LOCALTIME / LOCALTIMESTAMP [(fsp)] in DEFAULT and ON UPDATE,
  /// as a CURRENT_TIMESTAMP call (any other name is a syntax error).
  ExprSpan NowCall(const Token& name, const Token* fsp, uint32_t end);
  /// ON UPDATE CURRENT_TIMESTAMP[(fsp)]: records the fsp written (0 if none).
  void SetOnUpdateNow(ast::ColumnDefinition* column, ExprSpan call);
  TypeSpec Type(const Token& kw, TypeId id, LengthSpec len = LengthSpec{},
                NumericFlags flags = NumericFlags{});
  void AddTableOption(ast::CreateTableStmt* stmt, const char* name, const Token& value);
  /// Completes `columns` (from AddKeyColumn) with the key's kind and name.
  ast::IndexDefinition* Index(ast::IndexDefinition::Kind kind, const Token* name,
                              ast::IndexDefinition* columns);
  ast::IndexDefinition* AddKeyColumn(ast::IndexDefinition* key, const KeyColumn& column);
  std::vector<std::string>* AddName(std::vector<std::string>* list, const Token& name);
  std::vector<ast::TableName>* AddTableName(std::vector<ast::TableName>* list, QualifiedName name);
  ast::ShowStmt* Show(ast::ShowStmt::What what, ShowFilter filter);
  void SetShowTable(ast::ShowStmt* show, QualifiedName name);

  // --- SET ---------------------------------------------------------------------------
  ast::SetStmt::Item* SetVariable(SetTarget target, ExprSpan value);
  ast::SetStmt::Item* SetNames(const Token& first, const Token* charset, const Token* collation,
                               uint32_t end);
  ast::SetStmt::Item* SetTransaction(const Token& first, const char* variable, ExprSpan value);

  // --- Statement kinds without builders of their own ---------------------------------
  ast::TransactionStmt* Transaction(ast::TransactionStmt::Action action, const Token* savepoint);

  // --- Accounts (account_statement_builder.cc) ----------------------------------------
  /// 'user'@'host' (`host` null: '%'); both null: CURRENT_USER.
  ast::AccountStmt::Account* Account(const Token* user, const Token* host);
  /// Appends `account` (taken over) to `list` (null: a new list).
  std::vector<ast::AccountStmt::Account>* AddAccount(std::vector<ast::AccountStmt::Account>* list,
                                                     ast::AccountStmt::Account* account);
  ast::AccountStmt* AccountStatement(ast::AccountStmt::Action action, bool if_clause,
                                     std::vector<ast::AccountStmt::Account>* accounts);
  /// GRANT / REVOKE ... ON level / RENAME USER / SHOW GRANTS; takes over the lists (any
  /// may be null).
  ast::GrantStmt* GrantStatement(ast::GrantStmt::Action action,
                                 std::vector<std::string>* privileges, ast::TableName* level,
                                 std::vector<ast::AccountStmt::Account>* accounts);
  /// REVOKE ALL [PRIVILEGES], GRANT OPTION FROM ...: any other list is a syntax error
  /// at `from`.
  ast::GrantStmt* RevokeAllStatement(std::vector<std::string>* privileges, const Token& from,
                                     std::vector<ast::AccountStmt::Account>* accounts);
  /// A privilege level: `database` null is "*" ("*.*" when `table` is null too), `table`
  /// null is "*".
  ast::TableName* PrivilegeLevel(const Token* database, const Token* table);
  std::vector<std::string>* AddPrivilege(std::vector<std::string>* list, std::string* privilege);
  /// A keyword or name, upper-cased (privilege names).
  std::string UpperWord(const Token& t) const;
  /// A syntax error at `t` unless it is `word` (any case).
  void ExpectWord(const Token& t, std::string_view word);

 private:
  /// Finishes a new node: sets its text and depth and records the depth for limits.
  ExprSpan Finish(ast::Expr* node, uint32_t begin, uint32_t end, uint32_t child_depth);
  void RecordDepth(uint32_t depth);
  int LineOf(size_t offset) const;
  static std::string NearText(std::string_view rest);

  std::string_view sql_;
  Status error_;
  ast::StmtPtr result_;
  std::vector<uint32_t> frames_{0};  // expression depth of each open SELECT nesting level
  uint32_t closed_subquery_depth_ = 0;
  uint32_t parameter_count_ = 0;
  Token current_token_{0, 0, 0};
};

}  // namespace minisql::sql
