// literal.h — turning literal tokens into values.
//
// The tokenizer only finds where a literal ends; these functions decode it when the
// grammar builds a LiteralExpr or needs a quoted name:
//
//   'It''s' "a\tb"  ->  It's  a<TAB>b   (backslash escapes as in MySQL's default mode)
//   'a' 'b'         ->  ab              (adjacent literals concatenate; the driver merges
//                                        their tokens into one spanning both)
//   `my``col`       ->  my`col
//   12 -> Int   1.5 / .5 -> Decimal   1e3 -> Double   0x41 / X'41' -> String "A"
//   99999999999999999999 (beyond int64) -> Decimal
#pragma once

#include <string>
#include <string_view>

#include "types/value.h"

namespace minisql::sql {

/// Decodes one or more adjacent quoted string literals ('...' or "..."), separated by
/// whitespace only, into their bytes.
std::string DecodeStringLiteral(std::string_view text);

/// Removes the backticks of a `quoted` identifier (doubled `` become one); other
/// identifiers are returned as they are.
std::string DecodeIdentifier(std::string_view text);

/// The value of a TK_INTEGER, TK_DECIMAL_NUM, TK_FLOAT_NUM or TK_HEX_NUM token.
/// Returns false if the number cannot be represented (a DECIMAL wider than 38 digits
/// or a double out of range).
bool DecodeNumber(int token_type, std::string_view text, Value* out);

}  // namespace minisql::sql
