// parser.cc — Parse(): the driver loop between the tokenizer and the Lemon parser.
//
//   text ──GetToken──> token ──(drop spaces, comments, versioned-comment markers;
//                              merge 'a' 'b'; keyword after '.' or '@' -> ID;
//                              drop a character set introducer: _binary 'x' -> 'x';
//                              track "( SELECT" nesting)──> MinisqlParse() ──> AST
//
// At the end it feeds the end-of-input token (type 0), which makes Lemon reduce the
// whole statement or report a syntax error "near ''". Everything after the first ';'
// must be spaces or comments: one statement per call.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "sql/parser/grammar.h"
#include "sql/parser/parse_context.h"
#include "sql/parser/parser.h"
#include "sql/parser/tokenizer.h"

// The entry points Lemon generates in grammar.cc (%name MinisqlParse).
void* MinisqlParseAlloc(void* (*malloc_proc)(size_t));
void MinisqlParseFree(void* parser, void (*free_proc)(void*));
void MinisqlParse(void* parser, int token_type, minisql::sql::Token token,
                  minisql::sql::ParseContext* ctx);

namespace minisql::sql {
namespace {

/// Owns the Lemon parser object; MinisqlParseFree runs the %destructors of whatever is
/// still on its stack, so partial trees are freed on every path.
class LemonParser {
 public:
  LemonParser() : parser_(MinisqlParseAlloc(std::malloc)) {}
  ~LemonParser() {
    if (parser_) MinisqlParseFree(parser_, std::free);
  }
  LemonParser(const LemonParser&) = delete;
  LemonParser& operator=(const LemonParser&) = delete;
  bool ok() const { return parser_ != nullptr; }
  void Feed(int type, const Token& token, ParseContext* ctx) {
    ctx->set_current_token(token);
    MinisqlParse(parser_, type, token, ctx);
  }

 private:
  void* parser_;
};

bool IsSpace(char c) {
  return static_cast<unsigned char>(c) <= ' ';
}

/// 'a' 'b' is one literal 'ab': extends `token` over string literals that follow it
/// with only whitespace in between.
void MergeAdjacentStrings(std::string_view sql, Token* token) {
  size_t pos = token->offset + token->length;
  while (true) {
    size_t next = pos;
    while (next < sql.size() && IsSpace(sql[next])) next++;
    if (next >= sql.size() || (sql[next] != '\'' && sql[next] != '"')) return;
    int type = 0;
    size_t n = GetToken(sql.substr(next), &type);
    if (type != TK_STRING) return;  // unterminated: reported when scanned normally
    token->length = static_cast<uint32_t>(next + n - token->offset);
    pos = next + n;
  }
}

/// True if `token` is a character set introducer (`_binary`, `_utf8mb4`, ...) followed by
/// a string or hex literal: `_binary '\0\xff'` is how Connector/J sends byte arrays. A
/// literal's value is its bytes whatever the character set names, so the driver drops
/// the introducer and the literal stands alone.
bool IsCharsetIntroducer(std::string_view sql, const Token& token) {
  static constexpr std::array<std::string_view, 7> kIntroducers = {
      "_binary", "_utf8mb4", "_utf8mb3", "_utf8", "_latin1", "_ascii", "_utf16"};
  std::string_view word = sql.substr(token.offset, token.length);
  bool known = std::any_of(kIntroducers.begin(), kIntroducers.end(), [&](std::string_view name) {
    return std::equal(word.begin(), word.end(), name.begin(), name.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
  });
  if (!known) return false;
  size_t next = token.offset + token.length;
  while (next < sql.size() && IsSpace(sql[next])) next++;
  if (next >= sql.size()) return false;
  int type = 0;
  GetToken(sql.substr(next), &type);
  return type == TK_STRING || type == TK_HEX_NUM;
}

}  // namespace

Result<ast::StmtPtr> Parse(std::string_view sql) {
  // Clients may send trailing NUL bytes (mysqlslap does); they are not part of the SQL.
  while (!sql.empty() && sql.back() == '\0') sql.remove_suffix(1);
  if (sql.size() >= UINT32_MAX) return Status::Error(ErrorCode::kNetPacketTooLarge);

  ParseContext ctx(sql);
  LemonParser parser;
  if (!parser.ok()) return Status::Error(ErrorCode::kOutOfResources);

  bool fed_any = false;       // a token reached the grammar
  bool saw_comment = false;   // the text had comments (comment-only != empty)
  bool in_versioned = false;  // inside /*!NNNNN ... */: its "*/" is dropped
  bool after_semicolon = false;
  int previous_type = 0;
  uint32_t previous_end = 0;  // where the previous token fed ended
  int paren_depth = 0;
  std::vector<int> select_frame_parens;  // paren depth of each "( SELECT" still open
  uint32_t closed_depth = 0;

  size_t pos = 0;
  while (pos < sql.size() && !ctx.failed()) {
    if (in_versioned && sql.compare(pos, 2, "*/") == 0) {
      in_versioned = false;
      pos += 2;
      continue;
    }
    int type = 0;
    size_t length = GetToken(sql.substr(pos), &type);
    Token token{type, static_cast<uint32_t>(pos), static_cast<uint32_t>(length)};
    pos += length;

    if (type == TK_SPACE) continue;
    if (type == TK_SKIPPED_COMMENT || type == TK_VERSION_OPEN) {
      saw_comment = true;
      if (type == TK_VERSION_OPEN) in_versioned = true;
      continue;
    }
    if (type == TK_ILLEGAL || after_semicolon) {
      ctx.SyntaxError(token);
      break;
    }
    if (type == TK_SEMI) {
      after_semicolon = true;
      continue;
    }
    // After '.', a word is always a name: t.order, db.table.
    if (previous_type == TK_DOT && IsKeywordToken(type)) token.type = type = TK_ID;
    // Right after '@', a word is a user variable's name: @sql, @select (as in MySQL).
    if (previous_type == TK_AT && token.offset == previous_end && IsKeywordToken(type)) {
      token.type = type = TK_ID;
    }
    if (type == TK_ID && previous_type != TK_DOT && IsCharsetIntroducer(sql, token)) continue;
    if (type == TK_STRING) {
      MergeAdjacentStrings(sql, &token);
      pos = token.offset + token.length;
    }

    // Subquery depth bookkeeping (see parse_context.h). The `( select )` rule is reduced
    // while the token after ')' is fed, so the depth closed at ')' is published then.
    ctx.set_closed_subquery_depth(closed_depth);
    if (type == TK_LP) paren_depth++;
    if (type == TK_SELECT && previous_type == TK_LP) {
      select_frame_parens.push_back(paren_depth);
      ctx.OpenSelectFrame();
    }
    if (type == TK_RP) {
      if (!select_frame_parens.empty() && select_frame_parens.back() == paren_depth) {
        select_frame_parens.pop_back();
        closed_depth = ctx.CloseSelectFrame();
      }
      paren_depth--;
    }

    parser.Feed(type, token, &ctx);
    fed_any = true;
    previous_type = type;
    previous_end = token.offset + token.length;
  }

  // An unterminated /*!50000 ... comment: MySQL rejects it too.
  if (in_versioned) ctx.SyntaxErrorAtEnd();
  if (!ctx.failed()) {
    if (!fed_any) {
      if (saw_comment) return ast::StmtPtr(new ast::EmptyStmt);
      return Status::Error(ErrorCode::kEmptyQuery);
    }
    ctx.set_closed_subquery_depth(closed_depth);
    parser.Feed(0, Token{0, static_cast<uint32_t>(sql.size()), 0}, &ctx);
  }
  if (ctx.failed()) return ctx.error();
  ast::StmtPtr result = ctx.TakeResult();
  if (!result) return Status::Error(ErrorCode::kParseError, std::string(), 1);
  return result;
}

}  // namespace minisql::sql
