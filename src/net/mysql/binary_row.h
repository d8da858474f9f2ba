// binary_row.h — result rows in the binary protocol (ProtocolBinary::ResultsetRow), the
// row format of COM_STMT_EXECUTE result sets.
//
//   offset  size                 field
//   0       1                    0x00 header
//   1       (columns+7+2)/8      NULL bitmap: column i is NULL if bit (i+2) is set
//                                (bits 0 and 1 are reserved, hence the offset 2)
//   ..      ...                  each non-NULL value, encoded by its column's type:
//
//   LONGLONG 8 | LONG, INT24 4 | SHORT, YEAR 2 | TINY 1     little endian integer
//   DOUBLE 8 | FLOAT 4                                     IEEE 754
//   DATE, DATETIME, TIMESTAMP   length int<1> (0, 4, 7, 11) | year int<2> | month |
//                               day | hour | minute | second | microsecond int<4>
//   TIME                        length int<1> (0, 8, 12) | is_negative | days int<4> |
//                               hour | minute | second | microsecond int<4>
//   DECIMAL, strings, blobs     string<lenenc> of the text form
//
// The type comes from the column definition sent before the rows, never from the
// Value: a client decodes the bytes by that type, so a value that cannot be written
// in it is an error (the statement ends with ERR) rather than a corrupt row.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"

namespace minisql::net {

/// Encodes one row; `row` has one Value per column of `columns`.
Result<std::string> EncodeBinaryRow(const std::vector<ResultColumn>& columns, const Row& row);

}  // namespace minisql::net
