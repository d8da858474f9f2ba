// stmt_execute_fuzzer.cc — fuzzes COM_STMT_EXECUTE decoding
// (net/mysql/stmt_execute_request.h): the null bitmap, the parameter types, and every
// value encoding of the binary protocol, against a prepared statement whose parameter
// count the server already knows from COM_STMT_PREPARE.
//
// Input layout (the seeds in corpus/stmt_execute/ are captured COM_STMT_EXECUTE
// payloads of sysbench and the raw protocol client, prefixed with the statement's
// parameter count):
//
//   offset  size      field
//   0       2         param_count, int<2> (what COM_STMT_PREPARE answered)
//   2       1         bit 0: the statement was executed before, and its types follow
//   3       2 × n     previous types (only if bit 0 is set)
//   ..      rest      the COM_STMT_EXECUTE payload, command byte 0x17 included
//
// What must hold: the decoder answers a request or 1210/1835, never a crash; a
// decoded request has exactly param_count types and values, NULL exactly where the
// bitmap says so; and the statement id agrees with ReadStatementId.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "net/mysql/stmt_execute_request.h"
#include "net/mysql/wire_codec.h"

namespace {

void Require(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  minisql::net::PayloadReader reader(std::string_view(reinterpret_cast<const char*>(data), size));
  uint16_t param_count = reader.ReadInt2();
  uint8_t flags = reader.ReadInt1();
  std::vector<uint16_t> previous_types;
  if (flags & 1) {
    for (uint16_t i = 0; i < param_count && reader.ok(); ++i) {
      previous_types.push_back(reader.ReadInt2());
    }
  }
  if (!reader.ok()) return 0;
  std::string_view payload = reader.ReadRest();
  if (payload.empty()) return 0;
  std::string_view arguments = payload.substr(1);  // after the command byte

  auto request = minisql::net::DecodeStmtExecute(arguments, param_count, previous_types);
  auto statement_id = minisql::net::ReadStatementId(arguments);
  if (!request.ok()) return 0;
  Require(statement_id.ok() && *statement_id == request->statement_id);
  if (param_count == 0) return 0;
  Require(request->param_types.size() == param_count);
  Require(request->params.size() == param_count);
  std::string_view null_bitmap = arguments.substr(9, (param_count + 7) / 8);
  for (uint16_t i = 0; i < param_count; ++i) {
    bool null_bit = (static_cast<uint8_t>(null_bitmap[i / 8]) >> (i % 8)) & 1;
    if (null_bit) Require(request->params[i].is_null());
  }
  return 0;
}
