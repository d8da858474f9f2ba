// tokenizer.h — splits SQL text into tokens, one at a time.
//
// GetToken() is a pure function in the style of SQLite's sqlite3GetToken: given the
// bytes at the current position it returns the length of the next token and its
// type. It keeps no state and allocates nothing; the driver in parser.cc loops over
// it, drops spaces and comments, and feeds the rest to the Lemon parser.
//
// Token types are the TK_* numbers Lemon generates from grammar.y (keywords,
// operators, literals) plus a few the grammar never sees (TK_SPACE, TK_SKIPPED_COMMENT,
// TK_VERSION_OPEN, TK_ILLEGAL), also declared in grammar.y so that all share one
// numbering.
//
//   input bytes             type              notes
//   ---------------------   ---------------   ------------------------------------------
//   ' \t\r\n\0'             TK_SPACE          NUL counts as space (mysqlslap sends one)
//   -- x / # x / /* x */    TK_SKIPPED_COMMENT        "--" must be followed by space or control
//   /*!50000  /*M!100000    TK_VERSION_OPEN   version <= 80000 (or none): the comment's
//                                             body is SQL; the driver drops its "*/"
//   /*!90000 x */           TK_SKIPPED_COMMENT        newer versions are plain comments
//   abc `a``b`              TK_ID             or a keyword's TK_ code (case-insensitive)
//   'a\'b' "x"              TK_STRING         escapes are decoded by literal.h
//   12  1.5 .5  1e3         TK_INTEGER / TK_DECIMAL_NUM / TK_FLOAT_NUM
//   0x41 X'41'              TK_HEX_NUM        a binary string
//   ?                       TK_PARAM
//   unterminated '..., ^A   TK_ILLEGAL        the driver reports a syntax error there
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace minisql::sql {

/// One token: its type and where it is in the statement text. A plain struct so that
/// it can live in Lemon's value stack (a C union).
struct Token {
  int type;
  uint32_t offset;  // byte offset in the statement
  uint32_t length;  // byte length
};

/// Scans the token at the start of `text` (which must not be empty); stores its type
/// in `*type` and returns its length in bytes (always >= 1).
size_t GetToken(std::string_view text, int* type);

/// The TK_ code of a keyword, or TK_ID if `word` is not one. Case-insensitive.
/// (Defined in keywords.cc.)
int LookupKeyword(std::string_view word);

/// True if `type` is a keyword token (as opposed to ID, a literal or an operator).
bool IsKeywordToken(int type);

}  // namespace minisql::sql
