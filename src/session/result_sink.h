// result_sink.h — how a statement's outcome leaves the session layer.
//
// The session layer runs a statement and reports what happened to a ResultSink; each
// front end implements one: the MySQL protocol turns the calls into OK/ERR packets
// and text result sets (net/mysql/), the text protocol into a rendered table
// (net/text/). Neither the executor nor the session knows which one it talks to.
//
// A statement makes exactly one of these call sequences:
//
//   SendOk(...)                                       DDL, INSERT, UPDATE, SET ...
//   SendError(status)                                 it failed before producing rows
//   BeginResultSet(cols) SendRow(row)* EndResultSet() a query
//   BeginResultSet(cols) SendRow(row)* SendError(s)   a query that failed midway
//
// Rows are streamed: SendRow may block the executing thread while the client is slow
// to read (bounded memory), and returns an error Status when the statement must stop
// (the client went away, the query was killed).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "types/field_type.h"
#include "types/value.h"

namespace minisql {

/// Metadata of one result column: the fields of ColumnDefinition41.
struct ResultColumn {
  std::string name;       // the name shown: alias or the expression text as typed
  std::string org_name;   // the underlying column name ("" for expressions)
  std::string table;      // table alias ("" for expressions)
  std::string org_table;  // underlying table name
  std::string schema;     // database of the underlying table
  FieldType type = FieldType::kVarString;
  uint32_t length = 0;   // column_length: maximum display length in bytes
  uint16_t flags = 0;    // ColumnFlag bits
  uint8_t decimals = 0;  // digits after the point; 31 (0x1f) for "not fixed" (DOUBLE)
  uint16_t charset = kCharsetUtf8mb4;
};

/// What an OK packet reports.
struct OkResult {
  uint64_t affected_rows = 0;
  uint64_t last_insert_id = 0;
  uint16_t warnings = 0;
  /// "Records: 3  Duplicates: 0  Warnings: 0" / "Rows matched: 5  Changed: 5  Warnings: 0"
  std::string info;
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual void SendOk(const OkResult& ok) = 0;
  virtual void SendError(const Status& error) = 0;
  virtual void BeginResultSet(const std::vector<ResultColumn>& columns) = 0;
  /// One row, one Value per column. A non-OK Status means: stop and report it
  /// (after which the session calls nothing else on this sink).
  virtual Status SendRow(const Row& row) = 0;
  virtual void EndResultSet(uint16_t warnings) = 0;
};

}  // namespace minisql
