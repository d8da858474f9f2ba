// result_charset.h — converting what the MySQL front end sends from UTF-8 (how minisql
// stores text) to the client's character_set_results (types/charset.h).
//
// The session decides the sets (session/client_charset.h) and already describes text
// columns with the results set's collation id and length; this file applies it to the
// bytes:
//
//   what                                   converted to                  unless
//   a row value of a text column           the set of the column's       the column is
//   (text and binary protocol)             character_set id              binary (63)
//   column names, tables, schemas          character_set_results         it is NULL
//   ERR_Packet messages                    character_set_results         it is NULL
//
// A character the results set cannot hold becomes '?', as in MySQL. Values of binary
// columns (BINARY, VARBINARY, BLOB, numbers, dates) and binary strings are never touched.
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"
#include "types/charset.h"

namespace minisql::net {

/// True if any value of `columns` needs converting (a text column in latin1, ascii or
/// utf8mb3): rows of other result sets are sent as they are, without a copy.
bool RowsNeedConversion(const std::vector<ResultColumn>& columns);
/// `row` with each text value in its column's character set.
Row RowForClient(const std::vector<ResultColumn>& columns, const Row& row);
/// `column` with its names in `results` (unchanged when nullopt).
ResultColumn ColumnForClient(const ResultColumn& column, std::optional<CharacterSet> results);
std::vector<ResultColumn> ColumnsForClient(const std::vector<ResultColumn>& columns,
                                           std::optional<CharacterSet> results);
/// `error` with its message in `results` (unchanged when nullopt).
Status ErrorForClient(const Status& error, std::optional<CharacterSet> results);

}  // namespace minisql::net
