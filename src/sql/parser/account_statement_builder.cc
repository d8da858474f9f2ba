// account_statement_builder.cc — the ParseContext calls behind the account grammar rules
// (CREATE/ALTER/DROP USER, SET PASSWORD FOR; see grammar.y "Accounts").
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
