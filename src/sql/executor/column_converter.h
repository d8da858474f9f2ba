// column_converter.h — turns a value into what a column of a given type stores.
//
// INSERT and UPDATE evaluate expressions to Values of whatever kind the expression
// yields; before a value reaches storage it must become the column's kind, with
// MySQL's strict-mode rules (sql_mode STRICT_TRANS_TABLES):
//
//   target        accepted                               refused
//   integers      Int in range; DECIMAL/'2.5' rounded     1264 out of range,
//                 half away from zero; DOUBLE rounded      1366 'abc', 1265 '12abc'
//                 half to even (as MySQL's rint)
//   DOUBLE        any number; numeric strings              1366 / 1265
//   DECIMAL(p,s)  any number, rounded to s digits          1264 when it needs > p-s
//                                                          integer digits
//   CHAR/VARCHAR  strings; numbers as their text form      1406 longer than the
//   /TEXT                                                  declared characters
//   DATE, TIME,   '2024-01-31 12:00', 20240131, 123456 ->  1292 'abc', '2024-02-30'
//   DATETIME,     canonical text (types/temporal.h),
//   TIMESTAMP     extra fraction digits dropped
//   NOT NULL      —                                        1048 for NULL
//
// CHAR drops trailing spaces, as MySQL does when it reads CHAR values back.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/storage_engine.h"
#include "types/value.h"

namespace minisql::sql {

/// Names the place a value goes, for error messages.
struct ConversionTarget {
  const storage::TableSchema* table = nullptr;
  uint32_t column = 0;
  uint64_t row_number = 1;  // 1-based row of the statement
};

Result<Value> ConvertForColumn(const Value& value, const ConversionTarget& target);

/// The inclusive range an integer column holds (BIGINT UNSIGNED reaches 2^64 - 1, hence
/// 128 bits).
void IntegerRange(const ColumnType& type, __int128* min, __int128* max);

/// An AUTO_INCREMENT column's (integer) value as the engine's int64 counter takes it:
/// BIGINT UNSIGNED values above 2^63 - 1 saturate there.
int64_t AutoIncrementNote(const Value& value);

/// Number of characters in UTF-8 text (continuation bytes are not counted).
size_t Utf8Length(const std::string& text);

}  // namespace minisql::sql
