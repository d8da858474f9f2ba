// privilege_check.cc — what a statement needs, and whether an account has it (see
// privilege_check.h for the rules).
#include "session/privilege_check.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "sql/information_schema/information_schema.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

using Scope = PrivilegeRequirement::Scope;

// Collects the requirements of one statement. Table names are resolved against the
// current database; names of WITH queries in scope are not tables and need nothing.
class RequirementCollector {
 public:
  RequirementCollector(const std::string& current_database, const StatementIssuer& issuer)
      : current_database_(current_database), issuer_(issuer) {}

  std::vector<PrivilegeRequirement> Take() { return std::move(out_); }

  void Statement(const ast::Stmt& stmt) {
    switch (stmt.kind) {
      case ast::StmtKind::kSelect:
        Select(static_cast<const ast::SelectStmt&>(stmt));
        return;
      case ast::StmtKind::kInsert: {
        const auto& insert = static_cast<const ast::InsertStmt&>(stmt);
        Table(kInsertPrivilege, insert.database, insert.table);
        if (insert.replace) Table(kDeletePrivilege, insert.database, insert.table);
        if (!insert.on_duplicate.empty()) Table(kUpdatePrivilege, insert.database, insert.table);
        for (const auto& row : insert.rows) {
          for (const ast::ExprPtr& value : row) Expr(value.get());
        }
        for (const ast::Assignment& a : insert.on_duplicate) Expr(a.value.get());
        if (insert.select) Select(*insert.select);
        return;
      }
      case ast::StmtKind::kUpdate: {
        const auto& update = static_cast<const ast::UpdateStmt&>(stmt);
        std::set<std::string> targets;  // the tables (or aliases) assignments name
        bool unqualified = false;
        for (const ast::Assignment& a : update.assignments) {
          if (a.table.empty()) unqualified = true;
          targets.insert(a.table);
          Expr(a.value.get());
        }
        ModifiedTables(*update.table, kUpdatePrivilege, targets, unqualified);
        Expr(update.where.get());
        return;
      }
      case ast::StmtKind::kDelete: {
        const auto& del = static_cast<const ast::DeleteStmt&>(stmt);
        // Multi-table DELETE: only the named targets lose rows; the rest are read.
        std::set<std::string> targets;
        for (const auto& target : del.targets) targets.insert(target.second);
        ModifiedTables(*del.table, kDeletePrivilege, targets, del.targets.empty());
        Expr(del.where.get());
        return;
      }
      case ast::StmtKind::kCreateDatabase:
        Add(Scope::kDatabase, kCreatePrivilege,
            static_cast<const ast::CreateDatabaseStmt&>(stmt).name, "");
        return;
      case ast::StmtKind::kDropDatabase:
        Add(Scope::kDatabase, kDropPrivilege, static_cast<const ast::DropDatabaseStmt&>(stmt).name,
            "");
        return;
      case ast::StmtKind::kUse:
        Add(Scope::kAnyInDatabase, kSelectPrivilege,
            static_cast<const ast::UseStmt&>(stmt).database, "");
        return;
      case ast::StmtKind::kCreateTable: {
        const auto& create = static_cast<const ast::CreateTableStmt&>(stmt);
        Table(kCreatePrivilege, create.database, create.table);
        if (create.as_select) {
          Table(kInsertPrivilege, create.database, create.table);
          Select(*create.as_select);
        }
        if (!create.like_table.empty()) {
          Table(kSelectPrivilege, create.like_database, create.like_table);
        }
        return;
      }
      case ast::StmtKind::kDropTable:
        for (const ast::TableName& name : static_cast<const ast::DropTableStmt&>(stmt).tables) {
          Table(kDropPrivilege, name.database, name.table);
        }
        return;
      case ast::StmtKind::kCreateView: {
        const auto& create = static_cast<const ast::CreateViewStmt&>(stmt);
        Table(kCreatePrivilege, create.database, create.name);
        if (create.or_replace) Table(kDropPrivilege, create.database, create.name);
        Select(*create.select);
        return;
      }
      case ast::StmtKind::kDropView:
        for (const ast::TableName& name : static_cast<const ast::DropViewStmt&>(stmt).views) {
          Table(kDropPrivilege, name.database, name.table);
        }
        return;
      case ast::StmtKind::kCreateIndex: {
        const auto& create = static_cast<const ast::CreateIndexStmt&>(stmt);
        Table(kIndexPrivilege, create.database, create.table);
        return;
      }
      case ast::StmtKind::kDropIndex: {
        const auto& drop = static_cast<const ast::DropIndexStmt&>(stmt);
        Table(kIndexPrivilege, drop.database, drop.table);
        return;
      }
      case ast::StmtKind::kAlterTable: {
        const auto& alter = static_cast<const ast::AlterTableStmt&>(stmt);
        Table(kAlterPrivilege, alter.database, alter.table);
        return;
      }
      case ast::StmtKind::kRenameTable:
        // As MySQL: ALTER and DROP on the old name, CREATE and INSERT on the new one.
        for (const auto& r : static_cast<const ast::RenameTableStmt&>(stmt).renames) {
          Table(kAlterPrivilege, r.database, r.table);
          Table(kDropPrivilege, r.database, r.table);
          Table(kCreatePrivilege, r.new_database, r.new_table);
          Table(kInsertPrivilege, r.new_database, r.new_table);
        }
        return;
      case ast::StmtKind::kTruncateTable: {
        const auto& truncate = static_cast<const ast::TruncateTableStmt&>(stmt);
        Table(kDropPrivilege, truncate.database, truncate.table);
        return;
      }
      case ast::StmtKind::kLockTables:
        // MySQL also wants the LOCK TABLES privilege, which minisql does not model:
        // locking a table needs SELECT on it.
        for (const auto& item : static_cast<const ast::LockTablesStmt&>(stmt).tables) {
          Table(kSelectPrivilege, item.name.database, item.name.table);
        }
        return;
      case ast::StmtKind::kShow:
        Show(static_cast<const ast::ShowStmt&>(stmt));
        return;
      case ast::StmtKind::kSet:
        for (const ast::SetStmt::Item& item : static_cast<const ast::SetStmt&>(stmt).items) {
          if (item.scope == ast::VariableExpr::Scope::kGlobal) {
            Add(Scope::kGlobal, kSuperPrivilege, "", "");
          }
          Expr(item.value.get());
        }
        return;
      case ast::StmtKind::kExplain: {
        const auto& explain = static_cast<const ast::ExplainStmt&>(stmt);
        if (explain.statement) Statement(*explain.statement);
        return;
      }
      case ast::StmtKind::kAccount:
        Account(static_cast<const ast::AccountStmt&>(stmt));
        return;
      case ast::StmtKind::kGrant:
        Grant(static_cast<const ast::GrantStmt&>(stmt));
        return;
      case ast::StmtKind::kTransaction:
      case ast::StmtKind::kEmpty:
      case ast::StmtKind::kPreparedSql:  // EXECUTE checks the prepared statement itself
      case ast::StmtKind::kKill:         // checked against the target (kill_statement.cc)
        return;
    }
  }

 private:
  void Add(Scope scope, Privilege privilege, std::string database, std::string table) {
    out_.push_back(PrivilegeRequirement{scope, privilege, std::move(database), std::move(table)});
  }

  // A table named in the statement: its database defaults to the current one.
  void Table(Privilege privilege, const std::string& database, const std::string& table) {
    if (database.empty() && current_database_.empty()) return;  // 1046 comes later
    const std::string& db = database.empty() ? current_database_ : database;
    // Anyone may read information_schema.PROCESSLIST, as in MySQL: it lists only the
    // sessions the reader may see (session/process_list.h).
    if (privilege == kSelectPrivilege && sql::IsInformationSchema(db) &&
        IsProcessListTable(table)) {
      return;
    }
    Add(Scope::kTable, privilege, db, table);
  }

  static bool IsProcessListTable(const std::string& table) {
    static constexpr std::string_view kName = "processlist";
    return table.size() == kName.size() &&
           std::equal(table.begin(), table.end(), kName.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  }

  bool IsCommonTable(const ast::TableRef& ref) const {
    if (!ref.database.empty()) return false;
    for (const auto& names : cte_scopes_) {
      if (names.count(ref.name) != 0) return true;
    }
    return false;
  }

  void Select(const ast::SelectStmt& select) {
    std::set<std::string> names;
    for (const ast::CommonTableExpr& cte : select.with) names.insert(cte.name);
    cte_scopes_.push_back(std::move(names));
    for (const ast::CommonTableExpr& cte : select.with) Select(*cte.select);
    if (select.set_left) Select(*select.set_left);
    if (select.set_right) Select(*select.set_right);
    for (const ast::SelectItem& item : select.items) Expr(item.expr.get());
    for (const auto& ref : select.from) TableRef(*ref, kSelectPrivilege);
    Expr(select.where.get());
    for (const ast::ExprPtr& key : select.group_by) Expr(key.get());
    Expr(select.having.get());
    for (const ast::OrderItem& item : select.order_by) Expr(item.expr.get());
    cte_scopes_.pop_back();
  }

  // Every base table under `ref` needs `privilege`; ON conditions and derived tables
  // are read.
  void TableRef(const ast::TableRef& ref, Privilege privilege) {
    switch (ref.kind) {
      case ast::TableRef::Kind::kBase:
        if (!IsCommonTable(ref)) Table(privilege, ref.database, ref.name);
        return;
      case ast::TableRef::Kind::kJoin:
        TableRef(*ref.left, privilege);
        TableRef(*ref.right, privilege);
        Expr(ref.on.get());
        return;
      case ast::TableRef::Kind::kDerived:
        Select(*ref.subquery);
        return;
    }
  }

  // UPDATE/DELETE targets: a single table needs `privilege`; in a join, the tables
  // named by `targets` (alias or name; every table when `all`) need it and the others
  // SELECT.
  void ModifiedTables(const ast::TableRef& ref, Privilege privilege,
                      const std::set<std::string>& targets, bool all) {
    if (ref.kind == ast::TableRef::Kind::kJoin) {
      ModifiedTables(*ref.left, privilege, targets, all);
      ModifiedTables(*ref.right, privilege, targets, all);
      Expr(ref.on.get());
      return;
    }
    if (ref.kind == ast::TableRef::Kind::kDerived) {
      Select(*ref.subquery);
      return;
    }
    bool target = all || targets.count(ref.alias.empty() ? ref.name : ref.alias) != 0;
    Table(target ? privilege : kSelectPrivilege, ref.database, ref.name);
  }

  // Subqueries inside expressions read tables too.
  void Expr(const ast::Expr* expr) {
    if (expr == nullptr) return;
    switch (expr->kind) {
      case ast::ExprKind::kUnary:
        Expr(static_cast<const ast::UnaryExpr*>(expr)->operand.get());
        return;
      case ast::ExprKind::kBinary: {
        const auto* e = static_cast<const ast::BinaryExpr*>(expr);
        Expr(e->left.get());
        Expr(e->right.get());
        return;
      }
      case ast::ExprKind::kIsNull:
        Expr(static_cast<const ast::IsNullExpr*>(expr)->operand.get());
        return;
      case ast::ExprKind::kIsBool:
        Expr(static_cast<const ast::IsBoolExpr*>(expr)->operand.get());
        return;
      case ast::ExprKind::kLike: {
        const auto* e = static_cast<const ast::LikeExpr*>(expr);
        Expr(e->operand.get());
        Expr(e->pattern.get());
        Expr(e->escape.get());
        return;
      }
      case ast::ExprKind::kInList: {
        const auto* e = static_cast<const ast::InListExpr*>(expr);
        Expr(e->operand.get());
        for (const ast::ExprPtr& item : e->list) Expr(item.get());
        return;
      }
      case ast::ExprKind::kBetween: {
        const auto* e = static_cast<const ast::BetweenExpr*>(expr);
        Expr(e->operand.get());
        Expr(e->low.get());
        Expr(e->high.get());
        return;
      }
      case ast::ExprKind::kFunction: {
        const auto* f = static_cast<const ast::FunctionExpr*>(expr);
        for (const ast::ExprPtr& arg : f->args) Expr(arg.get());
        for (const ast::ExprPtr& key : f->order_keys) Expr(key.get());  // GROUP_CONCAT
        if (f->over) {
          for (const ast::ExprPtr& key : f->over->partition_by) Expr(key.get());
          for (const ast::WindowOrderItem& item : f->over->order_by) Expr(item.expr.get());
        }
        return;
      }
      case ast::ExprKind::kVariable:  // `@v := value` evaluates its value
        Expr(static_cast<const ast::VariableExpr*>(expr)->value.get());
        return;
      case ast::ExprKind::kCase: {
        const auto* e = static_cast<const ast::CaseExpr*>(expr);
        Expr(e->operand.get());
        for (const auto& [when, then] : e->when_then) {
          Expr(when.get());
          Expr(then.get());
        }
        Expr(e->else_result.get());
        return;
      }
      case ast::ExprKind::kCast:
        Expr(static_cast<const ast::CastExpr*>(expr)->operand.get());
        return;
      case ast::ExprKind::kSubquery: {
        const auto* e = static_cast<const ast::SubqueryExpr*>(expr);
        Expr(e->operand.get());
        if (e->select) Select(*e->select);
        return;
      }
      case ast::ExprKind::kRow:
        for (const ast::ExprPtr& item : static_cast<const ast::RowExpr*>(expr)->items) {
          Expr(item.get());
        }
        return;
      case ast::ExprKind::kLiteral:
      case ast::ExprKind::kColumnRef:
      case ast::ExprKind::kStar:
      case ast::ExprKind::kDefault:
      case ast::ExprKind::kParameter:
        return;
    }
  }

  void Show(const ast::ShowStmt& show) {
    using What = ast::ShowStmt::What;
    switch (show.what) {
      case What::kColumns:
      case What::kCreateTable:
      case What::kCreateView:
      case What::kIndex:
        Table(kSelectPrivilege, show.database, show.table);
        return;
      case What::kTables:
      case What::kTableStatus:
        if (!show.database.empty()) {
          Add(Scope::kAnyInDatabase, kSelectPrivilege, show.database, "");
        }
        return;
      case What::kCreateDatabase:
        Add(Scope::kAnyInDatabase, kSelectPrivilege, show.database, "");
        return;
      default:  // SHOW DATABASES filters its rows instead (statement_runner's RunShow)
        Expr(show.where.get());
        return;
    }
  }

  bool IsIssuer(const ast::AccountStmt::Account& account) const {
    return account.current_user || (account.user == issuer_.user && account.host == issuer_.host);
  }

  void Account(const ast::AccountStmt& stmt) {
    // Changing one's own password needs no privilege; everything else is CREATE USER.
    using Action = ast::AccountStmt::Action;
    bool own_password = stmt.action == Action::kSetPassword || stmt.action == Action::kAlter;
    for (const auto& account : stmt.accounts) {
      if (own_password && IsIssuer(account)) continue;
      if (stmt.action == Action::kSetPassword) {
        Add(Scope::kAccounts, kCreateUserPrivilege, "mysql", "");
      } else {
        Add(Scope::kGlobal, kCreateUserPrivilege, "", "");
      }
      return;
    }
  }

  void Grant(const ast::GrantStmt& stmt) {
    using Action = ast::GrantStmt::Action;
    switch (stmt.action) {
      case Action::kRename:
      case Action::kRevokeAll:
        Add(Scope::kGlobal, kCreateUserPrivilege, "", "");
        return;
      case Action::kShowGrants:
        if (!stmt.accounts.empty() && !IsIssuer(stmt.accounts[0])) {
          Add(Scope::kAccounts, kCreateUserPrivilege, "mysql", "");
        }
        return;
      case Action::kGrant:
      case Action::kRevoke:
        break;
    }
    // GRANT OPTION at the level, and every privilege given away.
    PrivilegeLevel level{stmt.database.empty() ? current_database_ : stmt.database, stmt.table};
    if (level.database.empty()) return;  // 1046 comes later
    Result<PrivilegeSet> privileges = ParsePrivilegeNames(stmt.privileges, level);
    if (!privileges.ok()) return;  // reported by the statement itself
    PrivilegeSet needed = *privileges | kGrantOptionPrivilege;
    Scope scope = level.is_global()     ? Scope::kGlobal
                  : level.is_database() ? Scope::kDatabase
                                        : Scope::kTable;
    for (uint32_t bit = 1; bit != 0 && bit <= needed; bit <<= 1) {
      if ((needed & bit) != 0) {
        Add(scope, static_cast<Privilege>(bit), level.database,
            level.is_table() ? level.table : "");
      }
    }
  }

  const std::string& current_database_;
  const StatementIssuer& issuer_;
  std::vector<std::set<std::string>> cte_scopes_;
  std::vector<PrivilegeRequirement> out_;
};

}  // namespace

std::vector<PrivilegeRequirement> RequiredPrivileges(const ast::Stmt& stmt,
                                                     const std::string& current_database,
                                                     const StatementIssuer& issuer) {
  RequirementCollector collector(current_database, issuer);
  collector.Statement(stmt);
  return collector.Take();
}

Status CheckRequirements(const AccountPrivileges& privileges,
                         const std::vector<PrivilegeRequirement>& requirements,
                         const StatementIssuer& issuer) {
  for (const PrivilegeRequirement& need : requirements) {
    switch (need.scope) {
      case Scope::kTable:
        if ((privileges.OnTable(need.database, need.table) & need.privilege) == 0) {
          // MySQL names GRANT OPTION "GRANT" in this message.
          const char* name =
              need.privilege == kGrantOptionPrivilege ? "GRANT" : PrivilegeName(need.privilege);
          return Status::Error(ErrorCode::kTableAccessDenied, name, issuer.user, issuer.host,
                               need.database, need.table);
        }
        break;
      case Scope::kDatabase:
        if ((privileges.OnDatabase(need.database) & need.privilege) == 0) {
          return Status::Error(ErrorCode::kDbAccessDenied, issuer.user, issuer.host, need.database);
        }
        break;
      case Scope::kAnyInDatabase:
        if (!privileges.AnyInDatabase(need.database)) {
          return Status::Error(ErrorCode::kDbAccessDenied, issuer.user, issuer.host, need.database);
        }
        break;
      case Scope::kGlobal:
        if ((privileges.Global() & need.privilege) == 0) {
          return Status::Error(ErrorCode::kSpecificAccessDenied, PrivilegeName(need.privilege));
        }
        break;
      case Scope::kAccounts:
        if ((privileges.Global() & need.privilege) == 0) {
          return Status::Error(ErrorCode::kDbAccessDenied, issuer.user, issuer.host, need.database);
        }
        break;
    }
  }
  return Status::OK();
}

}  // namespace minisql
