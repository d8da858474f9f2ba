// column_converter.h — turns a value into what a column of a given type stores.
//
// INSERT and UPDATE evaluate expressions to Values of whatever kind the expression
// yields; before a value reaches storage it must become the column's kind. Two rule
// sets, as in MySQL:
//
//   * strict (sql_mode STRICT_TRANS_TABLES, the default): a value that does not fit
//     is an error and the statement fails;
//   * lenient (INSERT/UPDATE IGNORE, or a sql_mode without STRICT_*_TABLES): the
//     value MySQL stores instead is used and the refusal becomes a warning
//     (ConversionTarget::warnings set). One warning per value, the range one first.
//
//   target        accepted                     strict: refused    lenient: stores
//   integers      Int in range; DECIMAL/'2.5'  1264 out of range  the type's min/max
//                 rounded half away from zero; 1366 'abc'         0
//                 DOUBLE half to even (rint)   1265 '12abc'       12
//   DOUBLE,FLOAT  any number; numeric strings  1264 beyond max    +-max of the type
//                                              1366 / 1265        0 / the prefix
//   DECIMAL(p,s)  any number, rounded to s     1264 when it needs +-999.99 (all 9s)
//                 digits                       > p-s int digits
//                                              1366 / 1265        0 / the prefix
//   CHAR/VARCHAR  UTF-8 strings; numbers as   1406 longer than   1265, cut at a
//   /TEXT         their text form              the declared chars character boundary
//                                              1366 bytes that    1366, '?' for each
//                                              are not UTF-8      such byte
//   BINARY/VAR-   bytes                        1406 too long      1265, cut at the
//   BINARY/BLOB                                                   byte limit
//   DATE, TIME,   '2024-01-31 12:00',          1292 'abc',        1265, the zero value
//   DATETIME,     20240131, 123456 ->          '2024-02-30'       ('0000-00-00',
//   TIMESTAMP     canonical text (types/                          '00:00:00', ...)
//                 temporal.h), extra fraction
//                 digits dropped
//   NOT NULL      —                            1048 for NULL      1048, the implicit
//                                                                 default (0, '', zero)
//
// Lenient TIME beyond 838:59:59 stores 00:00:00 with 1265 (MySQL clamps to
// 838:59:59 with 1264): the TIME parser does not say how far out a value was.
// CHAR drops trailing spaces, as MySQL does when it reads CHAR values back.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "sql/executor/executor_context.h"
#include "storage/storage_engine.h"
#include "types/value.h"

namespace minisql::sql {

/// Names the place a value goes, for error messages.
struct ConversionTarget {
  const storage::TableSchema* table = nullptr;
  uint32_t column = 0;
  uint64_t row_number = 1;  // 1-based row of the statement
  /// Lenient conversion when set: a value the strict rules refuse is replaced by the
  /// one MySQL stores, and the refusal is added here as a warning (ExecutorContext::Warn).
  ExecutorContext* warnings = nullptr;
};

Result<Value> ConvertForColumn(const Value& value, const ConversionTarget& target);

/// What a NOT NULL column holds when a lenient statement gives it NULL or no value
/// (MySQL's implicit default): 0, '', BINARY(n) zero bytes, the zero date / time.
Value ImplicitDefault(const storage::TableSchema& table, uint32_t column);

/// The inclusive range an integer column holds (BIGINT UNSIGNED reaches 2^64 - 1, hence
/// 128 bits).
void IntegerRange(const ColumnType& type, __int128* min, __int128* max);

/// An AUTO_INCREMENT column's (integer) value as the engine's int64 counter takes it:
/// BIGINT UNSIGNED values above 2^63 - 1 saturate there.
int64_t AutoIncrementNote(const Value& value);

/// Number of characters in UTF-8 text (continuation bytes are not counted).
size_t Utf8Length(const std::string& text);

}  // namespace minisql::sql
