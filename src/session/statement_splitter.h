// statement_splitter.h — cuts a COM_QUERY text into statements for CLIENT_MULTI_STATEMENTS.
//
// "SELECT 1; SELECT 'a;b' /* ; */; -- ;\n SELECT 3" is three statements: a ';' only
// separates outside strings, quoted names and comments, which is exactly what the SQL
// tokenizer (sql/parser/tokenizer.h) already knows, so the splitter walks its tokens
// rather than scanning characters itself. Inside a versioned comment (/*!40101 ... */)
// the text counts as SQL, as the parser treats it.
//
// A trailing part holding only spaces and comments is dropped ("SELECT 1;\n" is one
// statement); empty parts in the middle are kept, so "SELECT 1;;SELECT 2" reports
// the empty one as the parser would (1065 Query was empty).
#pragma once

#include <string_view>
#include <vector>

namespace minisql {

std::vector<std::string_view> SplitStatements(std::string_view sql);

}  // namespace minisql
