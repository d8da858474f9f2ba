// temporal_values.h — conversions between temporal values and the other Value kinds
// inside expressions.
//
// A DATE/TIME/DATETIME value is a String holding its canonical text (types/temporal.h);
// the expression's type says it is temporal. Two conversions need that type:
//
//   to a number   DATE '2024-01-31' -> 20240131, DATETIME -> 20240131123456,
//                 TIME '12:34:56' -> 123456; with fsp > 0 a DECIMAL with fsp digits
//                 (MySQL's CAST(d AS SIGNED), d + 0, SUM(d))
//   to a type     any value -> the canonical text of DATE / TIME / DATETIME(fsp), or
//                 NULL when it does not read as one (CAST('abc' AS DATE) is NULL)
#pragma once

#include "types/column_type.h"
#include "types/value.h"

namespace minisql::sql {

/// A non-NULL value of temporal type `type` as MySQL's number; other values unchanged.
Value TemporalToNumber(const Value& v, const ColumnType& type);

/// A non-NULL value as the temporal type `target` (canonical text), or NULL.
Value ToTemporalValue(const Value& v, const ColumnType& target);

}  // namespace minisql::sql
