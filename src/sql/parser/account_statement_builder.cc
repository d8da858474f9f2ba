// account_statement_builder.cc — the ParseContext calls behind the account grammar rules
// (CREATE/ALTER/DROP USER, SET PASSWORD FOR; see grammar.y "Accounts") and the privilege
// rules (GRANT, REVOKE, RENAME USER, SHOW GRANTS; grammar.y "Privileges").
#include <cctype>

#include "sql/parser/parse_context.h"

namespace minisql::sql {

ast::AccountStmt::Account* ParseContext::Account(const Token* user, const Token* host) {
  auto* account = new ast::AccountStmt::Account;
  if (user == nullptr) {
    account->current_user = true;
    return account;
  }
  account->user = NameOrString(*user);
  if (host != nullptr) account->host = NameOrString(*host);
  return account;
}

std::vector<ast::AccountStmt::Account>* ParseContext::AddAccount(
    std::vector<ast::AccountStmt::Account>* list, ast::AccountStmt::Account* account) {
  if (list == nullptr) list = new std::vector<ast::AccountStmt::Account>;
  list->push_back(std::move(*account));
  delete account;
  return list;
}

ast::AccountStmt* ParseContext::AccountStatement(ast::AccountStmt::Action action, bool if_clause,
                                                 std::vector<ast::AccountStmt::Account>* accounts) {
  auto* stmt = new ast::AccountStmt;
  stmt->action = action;
  stmt->if_clause = if_clause;
  stmt->accounts = std::move(*accounts);
  delete accounts;
  return stmt;
}

}  // namespace minisql::sql

namespace minisql::sql {

ast::GrantStmt* ParseContext::GrantStatement(ast::GrantStmt::Action action,
                                             std::vector<std::string>* privileges,
                                             ast::TableName* level,
                                             std::vector<ast::AccountStmt::Account>* accounts) {
  auto* stmt = new ast::GrantStmt;
  stmt->action = action;
  if (privileges != nullptr) {
    stmt->privileges = std::move(*privileges);
    delete privileges;
  }
  if (level != nullptr) {
    stmt->database = std::move(level->database);
    stmt->table = std::move(level->table);
    delete level;
  }
  if (accounts != nullptr) {
    stmt->accounts = std::move(*accounts);
    delete accounts;
  }
  return stmt;
}

ast::GrantStmt* ParseContext::RevokeAllStatement(std::vector<std::string>* privileges,
                                                 const Token& from,
                                                 std::vector<ast::AccountStmt::Account>* accounts) {
  // Only MySQL's one form without ON: REVOKE ALL [PRIVILEGES], GRANT OPTION FROM ...
  bool valid = privileges->size() == 2 &&
               ((*privileges)[0] == "ALL" || (*privileges)[0] == "ALL PRIVILEGES") &&
               (*privileges)[1] == "GRANT OPTION";
  if (!valid) SyntaxError(from);
  return GrantStatement(ast::GrantStmt::Action::kRevokeAll, privileges, nullptr, accounts);
}

ast::TableName* ParseContext::PrivilegeLevel(const Token* database, const Token* table) {
  auto* level = new ast::TableName;
  level->database = database != nullptr ? ObjectName(*database) : "*";
  level->table = table != nullptr ? ObjectName(*table) : "*";
  if (database == nullptr && table != nullptr) level->database.clear();  // `t`: current db
  return level;
}

std::vector<std::string>* ParseContext::AddPrivilege(std::vector<std::string>* list,
                                                     std::string* privilege) {
  if (list == nullptr) list = new std::vector<std::string>;
  list->push_back(std::move(*privilege));
  delete privilege;
  return list;
}

std::string ParseContext::UpperWord(const Token& t) const {
  std::string word = Name(t);
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return word;
}

void ParseContext::ExpectWord(const Token& t, std::string_view word) {
  if (UpperWord(t) != word) SyntaxError(t);
}

}  // namespace minisql::sql
