// stmt_execute_request.h — decoding COM_STMT_EXECUTE: which prepared statement to run
// and its parameter values, sent in the binary protocol's encoding.
//
// Payload after the command byte 0x17 (n = the statement's parameter count, known
// from COM_STMT_PREPARE; everything after iteration_count is absent when n == 0):
//
//   offset  size              field
//   0       4                 statement_id      int<4>
//   4       1                 flags             int<1>: cursor type (0 = no cursor)
//   5       4                 iteration_count   int<4>, always 1
//   9       (n+7)/8           null_bitmap       bit i set: parameter i is NULL
//   ..      1                 new_params_bound  1: the types follow; 0: reuse the types
//                                               of the previous execution
//   ..      2 × n             types             int<1> FieldType | int<1> 0x80 = unsigned
//   ..      ...               values            one per non-NULL parameter, by type:
//
//   TINY 1 | SHORT, YEAR 2 | LONG, INT24 4 | LONGLONG 8    little endian integer
//   FLOAT 4 | DOUBLE 8                                     IEEE 754
//   DECIMAL, NEWDECIMAL, strings, blobs, ENUM, SET, JSON  string<lenenc>
//   DATE, DATETIME, TIMESTAMP  length int<1> (0, 4, 7, 11) | year int<2> | month | day |
//                              hour | minute | second (int<1> each) | microsecond int<4>
//   TIME                       length int<1> (0, 8, 12) | is_negative int<1> | days int<4> |
//                              hour | minute | second | microsecond int<4>
//   NULL                       nothing
//
// A parameter whose value came in COM_STMT_SEND_LONG_DATA packets before this
// EXECUTE has no value here (and its NULL bit is ignored): its value is the bytes
// those packets carried, as a String.
//
// The value encodings above are also those of binary result rows (binary_row.h), so
// DecodeBinaryValue below serves the protocol tracer as well.
//
// Values become the SQL layer's Values: integers Int (unsigned beyond int64: UInt),
// FLOAT/DOUBLE Double, decimals Decimal, strings String, and temporal values their text
// form ('2024-01-31 12:00:00.5', '-838:59:59') as String, since minisql has no
// temporal Value yet. The decoder trusts nothing and answers as MariaDB does: a payload
// cut short in the header or the types is ER_MALFORMED_PACKET (1835); a missing
// parameter block, a truncated value, an unknown type or an impossible length is
// ER_WRONG_ARGUMENTS (1210).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "net/mysql/wire_codec.h"
#include "types/value.h"

namespace minisql::net {

/// COM_STMT_EXECUTE flags: the cursor type (any non-zero value opens a cursor).
inline constexpr uint8_t kCursorTypeMask = 0x07;
/// High byte of a parameter type: the value is unsigned.
inline constexpr uint16_t kParamUnsignedFlag = 0x8000;

struct StmtExecuteRequest {
  uint32_t statement_id = 0;
  uint8_t flags = 0;
  uint32_t iteration_count = 0;
  bool new_params_bound = false;
  /// The types in force: as sent, or `previous_types` when new_params_bound is 0.
  std::vector<uint16_t> param_types;
  std::vector<Value> params;
};

/// One value in the binary protocol's encoding, of type `type_code` (a field type, with
/// kParamUnsignedFlag for an unsigned integer): the same form in COM_STMT_EXECUTE
/// parameters and in binary result rows (binary_row.h), so the protocol tracer reads
/// rows with it too. DATE/TIME values come back as their text. 1210 if the bytes do not
/// hold such a value.
Result<Value> DecodeBinaryValue(PayloadReader* reader, uint16_t type_code);

/// The statement id at the start of a COM_STMT_EXECUTE / CLOSE / RESET /
/// SEND_LONG_DATA / FETCH payload (after the command byte). 1835 if too short.
Result<uint32_t> ReadStatementId(std::string_view arguments);

/// Decodes the arguments (payload after the command byte) of COM_STMT_EXECUTE for a
/// statement with `param_count` parameters. `previous_types` are the types sent with
/// an earlier execution of the statement (empty if none).
/// `long_data`: what COM_STMT_SEND_LONG_DATA sent, by parameter index; such a
/// parameter has no value in the payload (whatever its NULL bit says) and becomes a
/// String of the long data, as in MySQL.
Result<StmtExecuteRequest> DecodeStmtExecute(std::string_view arguments, uint16_t param_count,
                                             const std::vector<uint16_t>& previous_types,
                                             const std::map<uint16_t, std::string>& long_data = {});

}  // namespace minisql::net
