// result_format.h — how a query's values are printed, sorted and hashed for comparison.
//
// The server sends every value as text (or NULL). sqllogictest compares the values
// as printed by the column's type letter, so servers that differ only in the type
// they return (DECIMAL 3.5000 vs INTEGER 3) still agree:
//
//   letter  server text     printed      rule
//   ------  -----------     -------      ----------------------------------------
//   any     NULL            NULL
//   I       "3.5000"        3            numeric prefix, truncated toward zero
//   I       "abc"           0            (no numeric prefix, as SQLite and MySQL do)
//   R       "2"             2.000        numeric prefix, printf("%.3f")
//   T       ""              (empty)
//   T       "a\tb"          a@b          bytes outside 0x20..0x7E become '@'
//
// After printing, `rowsort` sorts rows and `valuesort` sorts single values, both by
// plain byte comparison. A result with more values than the hash threshold is
// written as one line, "N values hashing to <md5>", where the MD5 covers every
// printed value followed by '\n', in the (sorted) order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sqllogictest/slt_record.h"

namespace minisql::slt {

/// One row as the server sent it; std::nullopt is SQL NULL.
using RawRow = std::vector<std::optional<std::string>>;

/// Prints one value according to its column's type letter (I, R or T).
std::string FormatValue(char type, const std::optional<std::string>& value);

/// Prints, sorts and flattens a result into the list of values the file compares.
/// REQUIRES: every row has column_types.size() columns.
std::vector<std::string> FormatResult(const std::string& column_types, SortMode sort_mode,
                                      const std::vector<RawRow>& rows);

/// The lowercase hex MD5 of every value followed by '\n'.
std::string HashValues(const std::vector<std::string>& values);

/// "N values hashing to <md5>" for `values`.
std::string HashLine(const std::vector<std::string>& values);

/// True when `line` has the form "N values hashing to <32 hex digits>".
bool IsHashLine(const std::string& line);

}  // namespace minisql::slt
