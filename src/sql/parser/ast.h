// ast.h — the abstract syntax tree the parser builds and the binder reads.
//
// The AST is the statement exactly as written, with no names resolved and no types
// checked: `SELECT nosuch FROM t` parses fine and fails in the binder with 1054. Each
// node is a plain struct owning its children through unique_ptr; the grammar actions
// (grammar.y) build them through the small helpers at the bottom.
//
// Every expression keeps `text`, its source text as typed: MySQL names a result
// column after it (`SELECT price*2` shows a column called "price*2").
//
//   Stmt ─┬─ SelectStmt ── items (SelectItem: Expr + alias), from (TableRef tree),
//         │                where, group_by, having, order_by, limit, offset
//         ├─ InsertStmt, UpdateStmt, DeleteStmt
//         ├─ CreateDatabaseStmt, DropDatabaseStmt, UseStmt
//         ├─ CreateTableStmt (ColumnDefinition list), DropTableStmt
//         ├─ ShowStmt (DATABASES, TABLES, COLUMNS, VARIABLES, ...)
//         ├─ SetStmt (variables, NAMES), TransactionStmt, ExplainStmt
//
// Node kinds the grammar can produce but later stages do not support yet are still
// represented here, so the binder can answer ER_NOT_SUPPORTED_YET (1235) naming the
// feature instead of the parser reporting a misleading syntax error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql::ast {

// ======================================================================================
// Expressions
// ======================================================================================

enum class ExprKind {
  kLiteral,    // 1, 1.5, 1.5e0, 'x', NULL, TRUE
  kColumnRef,  // c, t.c, db.t.c
  kStar,       // * or t.* (only as a select item or inside COUNT(*))
  kUnary,      // -x, NOT x, ~x
  kBinary,     // x + y, x = y, x AND y ...
  kIsNull,     // x IS [NOT] NULL
  kIsBool,     // x IS [NOT] TRUE|FALSE|UNKNOWN
  kLike,       // x [NOT] LIKE p [ESCAPE e]
  kInList,     // x [NOT] IN (a, b, c)
  kBetween,    // x [NOT] BETWEEN a AND b
  kFunction,   // f(args), COUNT(*), COUNT(DISTINCT x)
  kVariable,   // @user_var, @@system_var, @@session.x, @@global.x
  kCase,       // CASE [x] WHEN .. THEN .. [ELSE ..] END
  kCast,       // CAST(x AS type), CONVERT(x, type)
  kDefault,    // DEFAULT (in INSERT VALUES / UPDATE SET)
  kSubquery,   // (SELECT ...), EXISTS (SELECT ...), x [NOT] IN (SELECT ...)
  kRow,        // (a, b) row constructor
  kParameter,  // ? in a prepared statement
};

struct SelectStmt;

struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  ExprKind kind;
  /// The expression's source text exactly as typed (whitespace inside kept). Select-list
  /// expressions always carry all of it; nested ones at most the first 256 bytes, so
  /// that huge expressions do not copy their text once per nesting level.
  std::string text;
};
using ExprPtr = std::unique_ptr<Expr>;

/// A literal. The Value's kind records MySQL's literal typing: 12 is kInt, 1.5 is
/// kDecimal, 1.5e0 is kDouble, 'x' is kString, NULL is kNull; TRUE/FALSE are kInt 1/0.
/// Integers too large for int64 become kDecimal.
struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprKind::kLiteral) {}
  Value value;
  /// 0x4142: a binary string, but a number in arithmetic and when compared with a
  /// number (MariaDB; X'4142' is a string everywhere).
  bool hex_number = false;
};

struct ColumnRefExpr : Expr {
  ColumnRefExpr() : Expr(ExprKind::kColumnRef) {}
  std::string database;  // "" unless written db.t.c
  std::string table;     // "" unless written t.c
  std::string column;
};

struct StarExpr : Expr {
  StarExpr() : Expr(ExprKind::kStar) {}
  std::string database;
  std::string table;  // "" for a bare *
};

enum class UnaryOp { kNegate, kPlus, kNot, kBitNot };

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::kUnary) {}
  UnaryOp op = UnaryOp::kNot;
  ExprPtr operand;
};

enum class BinaryOp {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kIntDiv,
  kMod,  // + - * / DIV MOD(%)
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kNullSafeEq,  // = <>(!=) < <= > >= <=>
  kAnd,
  kOr,
  kXor,  // AND(&&) OR(||) XOR
  kBitAnd,
  kBitOr,
  kBitXor,
  kShiftLeft,
  kShiftRight,
};

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::kBinary) {}
  BinaryOp op = BinaryOp::kEq;
  ExprPtr left;
  ExprPtr right;
};

struct IsNullExpr : Expr {
  IsNullExpr() : Expr(ExprKind::kIsNull) {}
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};

struct IsBoolExpr : Expr {
  enum class Test { kTrue, kFalse, kUnknown };
  IsBoolExpr() : Expr(ExprKind::kIsBool) {}
  ExprPtr operand;
  Test test = Test::kTrue;
  bool negated = false;
};

struct LikeExpr : Expr {
  LikeExpr() : Expr(ExprKind::kLike) {}
  ExprPtr operand;
  ExprPtr pattern;
  ExprPtr escape;  // null: the default escape '\'
  bool negated = false;
};

struct InListExpr : Expr {
  InListExpr() : Expr(ExprKind::kInList) {}
  ExprPtr operand;
  std::vector<ExprPtr> list;
  bool negated = false;
};

struct BetweenExpr : Expr {
  BetweenExpr() : Expr(ExprKind::kBetween) {}
  ExprPtr operand;
  ExprPtr low;
  ExprPtr high;
  bool negated = false;
};

/// One end of a window frame: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW,
/// n FOLLOWING, UNBOUNDED FOLLOWING (n is a number literal).
struct WindowFrameBound {
  enum class Kind { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Kind kind = Kind::kCurrentRow;
  ExprPtr offset;  // kPreceding / kFollowing
};

/// ROWS|RANGE BETWEEN start AND end (the short form `ROWS start` has end CURRENT ROW).
struct WindowFrame {
  bool range = false;  // RANGE; false: ROWS
  WindowFrameBound start;
  WindowFrameBound end;
};

struct WindowOrderItem {
  ExprPtr expr;
  bool descending = false;
};

/// What OVER names: `OVER w`, or `OVER ([w] [PARTITION BY ..] [ORDER BY ..] [frame])`.
/// Also the body of `WINDOW w AS (...)`.
struct WindowSpec {
  std::string name;            // a named window this one refers to ("" = none)
  bool parenthesized = false;  // OVER (...) rather than OVER w
  std::vector<ExprPtr> partition_by;
  std::vector<WindowOrderItem> order_by;
  std::unique_ptr<WindowFrame> frame;  // null: the default frame
};

/// A function call or aggregate. `name` is upper-cased (COUNT, CONCAT, DATABASE).
struct FunctionExpr : Expr {
  FunctionExpr() : Expr(ExprKind::kFunction) {}
  std::string name;
  std::vector<ExprPtr> args;
  bool star = false;      // COUNT(*)
  bool distinct = false;  // COUNT(DISTINCT x)
  // GROUP_CONCAT(x ORDER BY k1 DESC, k2 SEPARATOR ';'): the ORDER BY keys, their
  // directions, and the separator ("," unless given).
  std::vector<ExprPtr> order_keys;
  std::vector<bool> order_descending;
  std::optional<std::string> separator;
  std::unique_ptr<WindowSpec> over;  // f(...) OVER ...: a window function call
};

struct VariableExpr : Expr {
  enum class Scope { kUser, kSystemDefault, kSession, kGlobal };
  VariableExpr() : Expr(ExprKind::kVariable) {}
  Scope scope = Scope::kUser;  // @x is kUser; @@x kSystemDefault; @@session.x / @@global.x
  std::string name;            // without the @ / @@ / scope prefix, as written
  ExprPtr value;               // `@name := value` (kUser only); null for a plain read
};

struct CaseExpr : Expr {
  CaseExpr() : Expr(ExprKind::kCase) {}
  ExprPtr operand;  // null for a searched CASE
  std::vector<std::pair<ExprPtr, ExprPtr>> when_then;
  ExprPtr else_result;  // null: ELSE NULL
};

struct CastExpr : Expr {
  CastExpr() : Expr(ExprKind::kCast) {}
  ExprPtr operand;
  /// The target as written: SIGNED, UNSIGNED, CHAR, DECIMAL(p,s), DOUBLE, DATE ...
  std::string target_name;
  ColumnType target;
};

struct DefaultExpr : Expr {
  DefaultExpr() : Expr(ExprKind::kDefault) {}
};

struct SubqueryExpr : Expr {
  // kAny / kAll: `x > ANY (SELECT ...)` (SOME is ANY), `x <> ALL (SELECT ...)`.
  enum class Form { kScalar, kExists, kIn, kAny, kAll };
  SubqueryExpr() : Expr(ExprKind::kSubquery) {}
  Form form = Form::kScalar;
  ExprPtr operand;  // for kIn, kAny, kAll
  bool negated = false;
  BinaryOp compare_op = BinaryOp::kEq;  // for kAny, kAll
  std::unique_ptr<SelectStmt> select;
};

struct RowExpr : Expr {
  RowExpr() : Expr(ExprKind::kRow) {}
  std::vector<ExprPtr> items;
};

/// A `?` placeholder of a prepared statement; `index` counts them from 0 in text order.
struct ParameterExpr : Expr {
  ParameterExpr() : Expr(ExprKind::kParameter) {}
  uint32_t index = 0;
};

// ======================================================================================
// Statements
// ======================================================================================

enum class StmtKind {
  kSelect,
  kInsert,
  kUpdate,
  kDelete,
  kCreateDatabase,
  kDropDatabase,
  kUse,
  kCreateTable,
  kDropTable,
  kShow,
  kSet,
  kTransaction,
  kExplain,
  kCreateIndex,
  kCreateView,
  kDropView,
  kDropIndex,
  kAlterTable,
  kEmpty,    // only comments (e.g. "/* x */"): answered with OK, as MariaDB does
  kAccount,  // CREATE/ALTER/DROP USER, SET PASSWORD FOR
  kRenameTable,
  kTruncateTable,
  kGrant,        // GRANT, REVOKE, RENAME USER, SHOW GRANTS
  kLockTables,   // LOCK TABLES t READ|WRITE, ...; UNLOCK TABLES
  kPreparedSql,  // PREPARE s FROM ..., EXECUTE s [USING ...], DEALLOCATE PREPARE s
  kKill,         // KILL [CONNECTION | QUERY] id
};

struct Stmt {
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  StmtKind kind;
};
using StmtPtr = std::unique_ptr<Stmt>;

/// An item of a FROM clause: a named table, a join of two items, or a derived table.
struct TableRef {
  enum class Kind { kBase, kJoin, kDerived };
  enum class JoinType { kInner, kLeft, kRight, kCross };
  Kind kind = Kind::kBase;
  // kBase
  std::string database;  // "" = the current database
  std::string name;
  // kBase and kDerived
  std::string alias;  // "" = none
  // kJoin
  JoinType join_type = JoinType::kInner;
  bool natural = false;
  std::unique_ptr<TableRef> left;
  std::unique_ptr<TableRef> right;
  ExprPtr on;                              // JOIN ... ON
  std::vector<std::string> using_columns;  // JOIN ... USING (...)
  // kDerived
  std::unique_ptr<SelectStmt> subquery;
};

struct SelectItem {
  ExprPtr expr;       // may be a StarExpr
  std::string alias;  // "" when no AS / alias was written
};

struct OrderItem {
  ExprPtr expr;
  bool descending = false;
};

enum class SetOperation {
  kNone,
  kUnion,
  kUnionAll,
  kIntersect,
  kExcept,
  kIntersectAll,
  kExceptAll,
};

/// WITH name [(columns)] AS (select): a named query the statement's FROM clauses
/// (and, with RECURSIVE, the query itself) can read like a table.
struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;  // empty: the query's own column names
  std::unique_ptr<SelectStmt> select;
};

enum class LockMode { kNone, kForUpdate, kForShare };

/// A query: either a plain SELECT (items, from, where, ...) or, when `set_op` is not
/// kNone, a set operation combining `set_left` and `set_right` (INTERSECT binds
/// tighter than UNION and EXCEPT, so `a UNION b INTERSECT c` is a UNION whose right
/// operand is an INTERSECT). Either kind may carry ORDER BY / LIMIT / OFFSET, which
/// apply to its whole result, and WITH clauses.
struct SelectStmt : Stmt {
  SelectStmt() : Stmt(StmtKind::kSelect) {}
  bool distinct = false;
  bool calc_found_rows = false;  // SQL_CALC_FOUND_ROWS: FOUND_ROWS() ignores the LIMIT
  std::vector<SelectItem> items;
  std::vector<std::unique_ptr<TableRef>> from;  // comma-separated items; empty = no FROM
  ExprPtr where;
  std::vector<ExprPtr> group_by;
  ExprPtr having;
  std::vector<OrderItem> order_by;
  ExprPtr limit;   // null = no LIMIT
  ExprPtr offset;  // null = no OFFSET
  LockMode lock_mode = LockMode::kNone;
  // A set operation: `set_left <set_op> set_right`.
  SetOperation set_op = SetOperation::kNone;
  std::unique_ptr<SelectStmt> set_left;
  std::unique_ptr<SelectStmt> set_right;
  // WITH [RECURSIVE] ...: visible to this query's FROM clauses and nested queries.
  std::vector<CommonTableExpr> with;
  bool with_recursive = false;
  // WINDOW w AS (...), ...: named windows for OVER w.
  std::vector<std::pair<std::string, std::unique_ptr<WindowSpec>>> windows;
};

struct Assignment {
  std::string table;  // "" unless written t.col
  std::string column;
  ExprPtr value;  // may be a DefaultExpr
};

struct InsertStmt : Stmt {
  InsertStmt() : Stmt(StmtKind::kInsert) {}
  bool replace = false;  // REPLACE INTO
  bool ignore = false;   // INSERT IGNORE
  std::string database;
  std::string table;
  std::vector<std::string> columns;        // empty = all columns in table order
  std::vector<std::vector<ExprPtr>> rows;  // VALUES (...), (...)
  std::unique_ptr<SelectStmt> select;      // INSERT ... SELECT (rows then empty)
  std::vector<Assignment> on_duplicate;    // ON DUPLICATE KEY UPDATE
};

struct UpdateStmt : Stmt {
  UpdateStmt() : Stmt(StmtKind::kUpdate) {}
  bool ignore = false;  // UPDATE IGNORE: skip rows that would collide, convert leniently
  std::unique_ptr<TableRef> table;  // a base table (multi-table forms: a join)
  std::vector<Assignment> assignments;
  ExprPtr where;
  std::vector<OrderItem> order_by;
  ExprPtr limit;
};

struct DeleteStmt : Stmt {
  DeleteStmt() : Stmt(StmtKind::kDelete) {}
  // DELETE IGNORE parses and behaves as DELETE, on purpose: a DELETE converts no
  // values and cannot collide with a key; in MySQL IGNORE turns foreign key errors
  // (minisql has none) into warnings, and errors of evaluation in the WHERE (1242
  // "Subquery returns more than 1 row"), which minisql keeps as errors for UPDATE
  // IGNORE and DELETE IGNORE alike (docs/sql.md, "IGNORE and sql_mode").
  std::unique_ptr<TableRef> table;
  /// Multi-table forms (`DELETE t1, t2 FROM <join>`, `DELETE FROM t1 USING <join>`):
  /// the (database, table) names whose rows are deleted; `table` is then the join.
  std::vector<std::pair<std::string, std::string>> targets;
  ExprPtr where;
  std::vector<OrderItem> order_by;
  ExprPtr limit;
};

struct CreateDatabaseStmt : Stmt {
  CreateDatabaseStmt() : Stmt(StmtKind::kCreateDatabase) {}
  std::string name;
  bool if_not_exists = false;
  std::vector<std::pair<std::string, std::string>> options;  // CHARACTER SET x, COLLATE y
};

struct DropDatabaseStmt : Stmt {
  DropDatabaseStmt() : Stmt(StmtKind::kDropDatabase) {}
  std::string name;
  bool if_exists = false;
};

/// SQL-level prepared statements (session/sql_prepared_statements.cc):
///   PREPARE name FROM 'text' | @variable
///   EXECUTE name [USING expr, ...]
///   {DEALLOCATE | DROP} PREPARE name
struct PreparedSqlStmt : Stmt {
  enum class Action { kPrepare, kExecute, kDeallocate };
  PreparedSqlStmt() : Stmt(StmtKind::kPreparedSql) {}
  Action action = Action::kPrepare;
  std::string name;
  std::string text;                   // kPrepare from a string literal
  std::string text_variable;          // kPrepare from @variable (its name; text is then unused)
  std::vector<ExprPtr> using_values;  // kExecute: one per `?`, in order
};

struct UseStmt : Stmt {
  UseStmt() : Stmt(StmtKind::kUse) {}
  std::string database;
};

/// One column in CREATE TABLE.
struct ColumnDefinition {
  std::string name;
  ColumnType type;
  std::string type_text;    // the type as written, for error messages
  bool not_null = false;    // NOT NULL given
  bool null_given = false;  // NULL given explicitly
  ExprPtr default_value;    // DEFAULT <literal> (null: no DEFAULT clause)
  /// ON UPDATE CURRENT_TIMESTAMP[(fsp)]: the fsp written (0 if none); -1 if absent.
  int64_t on_update_now_fsp = -1;
  bool auto_increment = false;
  bool primary_key = false;  // PRIMARY KEY on the column
  bool unique = false;       // UNIQUE [KEY] on the column
  std::string comment;
  std::vector<std::string> unsupported;  // attributes parsed but not supported yet
};

/// PRIMARY KEY (...), [UNIQUE] KEY|INDEX name (...) in CREATE TABLE.
struct IndexDefinition {
  enum class Kind { kPrimary, kUnique, kIndex };
  Kind kind = Kind::kIndex;
  std::string name;
  std::vector<std::string> columns;
  std::vector<bool> descending;  // parallel to columns: written DESC
};

struct TableOption {
  std::string name;   // upper-cased: ENGINE, DEFAULT CHARSET, COLLATE, AUTO_INCREMENT, COMMENT
  std::string value;  // as written (quotes removed)
};

struct CreateTableStmt : Stmt {
  CreateTableStmt() : Stmt(StmtKind::kCreateTable) {}
  bool temporary = false;
  bool if_not_exists = false;
  std::string database;
  std::string table;
  std::vector<ColumnDefinition> columns;
  std::vector<IndexDefinition> indexes;
  std::vector<TableOption> options;
  std::unique_ptr<SelectStmt> as_select;  // CREATE TABLE ... AS SELECT
  std::string like_database, like_table;  // CREATE TABLE ... LIKE
};

/// CREATE [UNIQUE] INDEX name ON t (cols)
struct CreateIndexStmt : Stmt {
  CreateIndexStmt() : Stmt(StmtKind::kCreateIndex) {}
  std::string database;
  std::string table;
  IndexDefinition index;
};

/// DROP INDEX name ON t
struct DropIndexStmt : Stmt {
  DropIndexStmt() : Stmt(StmtKind::kDropIndex) {}
  std::string database;
  std::string table;
  std::string name;
};

/// Where ALTER TABLE ADD/MODIFY/CHANGE puts a column: FIRST, AFTER `after`, or (both
/// unset) where it is (MODIFY, CHANGE) or last (ADD).
struct ColumnPosition {
  bool first = false;
  std::string after;
};

/// ALTER TABLE t action, action...: applied in order to the table's definition
/// (sql/executor/alter_table_executor.cc).
struct AlterTableStmt : Stmt {
  struct Action {
    enum class Kind {
      kAddIndex,      // ADD [UNIQUE] INDEX|KEY, ADD PRIMARY KEY: index
      kDropIndex,     // DROP INDEX|KEY name, DROP PRIMARY KEY (name "PRIMARY")
      kAddColumn,     // ADD [COLUMN] def [FIRST|AFTER c]: column, position
      kDropColumn,    // DROP [COLUMN] name
      kModifyColumn,  // MODIFY [COLUMN] def [FIRST|AFTER c]: column, position
      kChangeColumn,  // CHANGE [COLUMN] name def [FIRST|AFTER c]
      kRenameColumn,  // RENAME COLUMN name TO new_name
      kRenameIndex,   // RENAME INDEX|KEY name TO new_name
      kSetDefault,    // ALTER [COLUMN] name SET DEFAULT default_value
      kDropDefault,   // ALTER [COLUMN] name DROP DEFAULT
      kRenameTable,   // RENAME [TO|AS] [new_database.]new_name
      kKeys,          // DISABLE KEYS / ENABLE KEYS (mysqldump): a no-op, as for InnoDB
      kTableOption,   // ENGINE=, [DEFAULT] CHARSET=, COLLATE=, COMMENT=, AUTO_INCREMENT=
    };
    Kind kind = Kind::kAddIndex;
    IndexDefinition index;                     // kAddIndex
    std::string name;                          // the column / index / the table's new name
    std::string new_name;                      // kRenameColumn, kRenameIndex
    std::string new_database;                  // kRenameTable ("" = the table's own)
    std::shared_ptr<ColumnDefinition> column;  // kAddColumn, kModifyColumn, kChangeColumn
    ColumnPosition position;
    ExprPtr default_value;  // kSetDefault
    TableOption option;     // kTableOption
  };
  AlterTableStmt() : Stmt(StmtKind::kAlterTable) {}
  std::string database;
  std::string table;
  std::vector<Action> actions;
};

/// RENAME TABLE a TO b [, c TO d ...]: all or nothing.
struct RenameTableStmt : Stmt {
  struct Rename {
    std::string database, table;  // "" database: the current one
    std::string new_database, new_table;
  };
  RenameTableStmt() : Stmt(StmtKind::kRenameTable) {}
  /// In order: a later pair may rename a table an earlier one made (a TO tmp, b TO a).
  std::vector<Rename> renames;
};

/// TRUNCATE [TABLE] t
struct TruncateTableStmt : Stmt {
  TruncateTableStmt() : Stmt(StmtKind::kTruncateTable) {}
  std::string database;
  std::string table;
};

struct TableName {
  std::string database;
  std::string table;
};

/// LOCK TABLES t1 READ [LOCAL], t2 WRITE ... / UNLOCK TABLES (session/table_locks.h).
struct LockTablesStmt : Stmt {
  struct Item {
    TableName name;
    bool write = false;
  };
  LockTablesStmt() : Stmt(StmtKind::kLockTables) {}
  bool unlock = false;  // UNLOCK TABLES
  std::vector<Item> tables;
};

struct KillStmt : Stmt {
  KillStmt() : Stmt(StmtKind::kKill) {}
  bool query_only = false;  // KILL QUERY: stop the statement, keep the connection
  ExprPtr id;               // the connection id (any constant expression)
};

struct DropTableStmt : Stmt {
  DropTableStmt() : Stmt(StmtKind::kDropTable) {}
  bool temporary = false;
  bool if_exists = false;
  std::vector<TableName> tables;
};

struct ShowStmt : Stmt {
  enum class What {
    kDatabases,    // SHOW DATABASES | SCHEMAS
    kTables,       // SHOW [FULL] TABLES [FROM db]
    kColumns,      // SHOW [FULL] COLUMNS FROM t [FROM db], DESCRIBE t, DESC t
    kVariables,    // SHOW [GLOBAL|SESSION] VARIABLES
    kStatus,       // SHOW [GLOBAL|SESSION] STATUS
    kCreateTable,  // SHOW CREATE TABLE t
    kCreateView,   // SHOW CREATE VIEW v
    kCreateDatabase,
    kWarnings,
    kErrors,
    kTableStatus,
    kIndex,  // SHOW INDEX|KEYS FROM t
    kProcessList,
    kEngines,
    kCollation,
    kCharset,
    kGrants,
  };
  ShowStmt() : Stmt(StmtKind::kShow) {}
  What what = What::kDatabases;
  bool full = false;
  bool global = false;
  std::string database;  // FROM db / IN db
  std::string table;
  std::string column;               // DESCRIBE t col
  bool if_not_exists = false;       // SHOW CREATE DATABASE IF NOT EXISTS
  std::optional<std::string> like;  // LIKE 'pattern'
  ExprPtr where;                    // WHERE expr
};

struct SetStmt : Stmt {
  struct Item {
    enum class Kind { kVariable, kNames, kCharacterSet, kTransaction, kPassword };
    Kind kind = Kind::kVariable;
    VariableExpr::Scope scope =
        VariableExpr::Scope::kSystemDefault;  // SET x / SET @x / SET GLOBAL x
    std::string name;       // variable name; charset name for NAMES / CHARACTER SET
    std::string collation;  // SET NAMES x COLLATE y
    ExprPtr value;          // the value; SET x = DEFAULT gives a DefaultExpr
    std::string text;       // the item as written, for messages
  };
  SetStmt() : Stmt(StmtKind::kSet) {}
  std::vector<Item> items;
};

struct TransactionStmt : Stmt {
  enum class Action { kBegin, kCommit, kRollback, kSavepoint, kRollbackToSavepoint, kRelease };
  TransactionStmt() : Stmt(StmtKind::kTransaction) {}
  Action action = Action::kBegin;
  std::string savepoint;
  bool read_only = false;            // START TRANSACTION READ ONLY
  bool consistent_snapshot = false;  // START TRANSACTION WITH CONSISTENT SNAPSHOT
};

/// CREATE USER [IF NOT EXISTS] a [, a ...], ALTER USER [IF EXISTS] ..., DROP USER
/// [IF EXISTS] ..., SET PASSWORD FOR a = 'pw'. Executed in session/account_statements.cc.
struct AccountStmt : Stmt {
  enum class Action { kCreate, kAlter, kDrop, kSetPassword };
  struct Account {
    std::string user;
    std::string host = "%";     // 'u' alone means 'u'@'%'
    bool current_user = false;  // CURRENT_USER[()]
    bool has_password = false;  // IDENTIFIED ... BY 'pw'
    std::string password;
    std::string plugin;  // IDENTIFIED WITH plugin; "" = the default
  };
  AccountStmt() : Stmt(StmtKind::kAccount) {}
  Action action = Action::kCreate;
  bool if_clause = false;  // IF NOT EXISTS / IF EXISTS
  std::vector<Account> accounts;
};

/// GRANT privileges ON level TO accounts [WITH GRANT OPTION]; REVOKE privileges ON level
/// FROM accounts; REVOKE ALL [PRIVILEGES], GRANT OPTION FROM accounts; RENAME USER a TO b
/// [, ...]; SHOW GRANTS [FOR account]. Executed in session/grant_statements.cc.
struct GrantStmt : Stmt {
  enum class Action { kGrant, kRevoke, kRevokeAll, kRename, kShowGrants };
  GrantStmt() : Stmt(StmtKind::kGrant) {}
  Action action = Action::kGrant;
  /// Upper-cased privilege names as written: "SELECT", "ALL", "GRANT OPTION", "USAGE",
  /// "CREATE USER", ... (the session layer rejects the ones it does not know).
  std::vector<std::string> privileges;
  /// The level: "*.*" is database "*" and table "*"; "db.*" is table "*"; a bare "*" or
  /// "t" leaves database "" (the current database).
  std::string database;
  std::string table;
  bool with_grant_option = false;
  /// kGrant/kRevoke/kRevokeAll: the grantees. kRename: pairs (from, to) in order.
  /// kShowGrants: none (the current account) or one.
  std::vector<AccountStmt::Account> accounts;
};

struct ExplainStmt : Stmt {
  ExplainStmt() : Stmt(StmtKind::kExplain) {}
  bool analyze = false;
  StmtPtr statement;
};

/// CREATE [OR REPLACE] VIEW v [(columns)] AS select
struct CreateViewStmt : Stmt {
  CreateViewStmt() : Stmt(StmtKind::kCreateView) {}
  bool or_replace = false;
  std::string database;
  std::string name;
  std::vector<std::string> columns;  // empty: the query's own column names
  std::unique_ptr<SelectStmt> select;
  std::string select_text;  // the query as written: what the catalog stores
};

/// DROP VIEW [IF EXISTS] v [, ...]
struct DropViewStmt : Stmt {
  DropViewStmt() : Stmt(StmtKind::kDropView) {}
  bool if_exists = false;
  std::vector<TableName> views;
};

struct EmptyStmt : Stmt {
  EmptyStmt() : Stmt(StmtKind::kEmpty) {}
};

}  // namespace minisql::sql::ast
