// parser.h — SQL text in, AST out.
//
//   Result<ast::StmtPtr> stmt = Parse("SELECT 1");
//
// Parse() runs the hand-written Tokenizer over the text and feeds the tokens to the
// Lemon-generated parser (grammar.y, generated into the build directory). It parses
// exactly one statement; a trailing ';' and trailing whitespace, comments or NUL
// bytes are allowed. Errors are MySQL's: 1064 "You have an error in your SQL syntax;
// ... near '<rest of the statement>' at line N", 1065 "Query was empty".
//
// Versioned comments /*!NNNNN ... */ and /*M!NNNNN ... */ are parsed as SQL (we claim
// to be MySQL 8.0, so /*!80000 ... */ and lower run, higher versions are comments);
// `--`, `#` and plain /* */ comments are skipped.
#pragma once

#include <string_view>

#include "common/status.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

Result<ast::StmtPtr> Parse(std::string_view sql);

}  // namespace minisql::sql
