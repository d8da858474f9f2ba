// sql_parser_fuzzer.cc — fuzzes the SQL parser (sql/parser/parser.h): the hand-written
// tokenizer, the Lemon-generated grammar and the AST builders behind its actions, the
// code every COM_QUERY and COM_STMT_PREPARE text goes through.
//
// Input: SQL text, any bytes (the seeds in corpus/sql_parser/ are statements taken from
// test/sql/**/*.test). What must hold: Parse() answers an AST or an error (1064 syntax
// error, 1065 empty query, or another MySQL error from a builder), never a crash, a
// leak or undefined behaviour, whatever the bytes (unterminated strings and comments,
// versioned comments, NULs, deep nesting, invalid UTF-8, huge numbers ...).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sql/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto statement = minisql::sql::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!statement.ok()) {
    // An error is a real MySQL error with a message, never an empty placeholder.
    if (statement.status().message().empty()) __builtin_trap();
  }
  return 0;
}
