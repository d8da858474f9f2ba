// statement_splitter.cc — see statement_splitter.h.
#include "session/statement_splitter.h"

#include "sql/parser/grammar.h"
#include "sql/parser/tokenizer.h"

namespace minisql {

std::vector<std::string_view> SplitStatements(std::string_view sql) {
  std::vector<std::string_view> statements;
  size_t start = 0;
  bool has_content = false;  // the current part has a token other than space/comment
  bool in_versioned = false;
  size_t pos = 0;
  while (pos < sql.size()) {
    if (in_versioned && sql.compare(pos, 2, "*/") == 0) {
      in_versioned = false;
      pos += 2;
      continue;
    }
    int type = 0;
    size_t length = sql::GetToken(sql.substr(pos), &type);
    if (length == 0) length = 1;  // never loop forever on a tokenizer surprise
    if (type == TK_VERSION_OPEN) {
      in_versioned = true;
      has_content = true;  // executable comment: SQL follows
    } else if (type == TK_SEMI) {
      statements.push_back(sql.substr(start, pos - start));
      start = pos + length;
      has_content = false;
    } else if (type != TK_SPACE && type != TK_SKIPPED_COMMENT) {
      has_content = true;
    }
    pos += length;
  }
  if (has_content || statements.empty()) statements.push_back(sql.substr(start));
  return statements;
}

}  // namespace minisql
