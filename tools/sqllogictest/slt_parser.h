// slt_parser.h — turns the text of a sqllogictest file into a list of Records.
//
// The parser is pure (text in, records out, no I/O besides reading the file) so the
// runner can be tested and reasoned about without a server. It is strict about the
// header lines — an unknown record kind is an error naming the line — and lenient
// about line endings: trailing '\r' (some corpus files use CRLF) is dropped.
//
// Grammar, informally (blank lines end a record; '#' lines are comments anywhere
// outside a record's SQL and result lines):
//
//   file      := { condition } record ...
//   condition := ("skipif" | "onlyif") engine
//   record    := "statement" ("ok" | "error" [errno]) NL sql
//              | "query" types [sort [label]] NL sql [ "----" NL { value NL } ]
//              | "hash-threshold" N
//              | "halt"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sqllogictest/slt_record.h"

namespace minisql::slt {

struct ParsedFile {
  std::vector<Record> records;
  std::string error;  // empty when the file parsed; else "line N: what is wrong"
  bool ok() const { return error.empty(); }
};

/// Parses the text of a whole file.
ParsedFile ParseSltText(std::string_view text);

/// Reads and parses a file; a read failure is reported in ParsedFile::error.
ParsedFile ParseSltFile(const std::string& path);

}  // namespace minisql::slt
