// packet_trace_rows.cc — the protocol tracer's decoding of result rows
// (packet_trace.h): text rows (every value string<lenenc>, 0xFB = NULL) and binary rows
// of COM_STMT_EXECUTE, whose values can only be read with the column types the
// result set's column definitions announced.
#include "net/mysql/packet_trace.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/stmt_execute_request.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

std::string PacketTracer::DescribeRow(std::string_view payload) {
  if (binary_rows_) return DescribeBinaryRow(payload);
  PayloadReader reader(payload);
  std::string out = "text row:";
  while (reader.ok() && !reader.at_end()) {
    if (static_cast<uint8_t>(payload[payload.size() - reader.remaining()]) == kNullColumn) {
      reader.Skip(1);
      out += " NULL";
    } else {
      out += " " + TraceQuote(reader.ReadLenencString(), 100);
    }
  }
  return reader.ok() ? out : out + " (malformed)";
}

// Binary row: 0x00 | NULL bitmap, bit i + 2 for column i | the non-NULL values, each in
// its column type's binary encoding (binary_row.h), read by the decoder COM_STMT_EXECUTE
// parameters use (stmt_execute_request.h): the encoding is the same.
std::string PacketTracer::DescribeBinaryRow(std::string_view payload) const {
  PayloadReader reader(payload);
  reader.Skip(1);
  std::string_view null_bitmap = reader.ReadFixedString((column_types_.size() + 9) / 8);
  if (!reader.ok()) return "binary row (malformed)";
  std::string out = "binary row:";
  for (size_t i = 0; i < column_types_.size(); ++i) {
    size_t bit = i + 2;
    if ((static_cast<uint8_t>(null_bitmap[bit / 8]) >> (bit % 8)) & 1) {
      out += " NULL";
      continue;
    }
    Result<Value> value = DecodeBinaryValue(&reader, column_types_[i]);
    if (!value.ok()) return out + " (malformed)";
    // Numbers bare; strings, and dates and times (decoded as text), quoted.
    bool quoted = value->kind() == Value::Kind::kString;
    out += " " + (quoted ? TraceQuote(value->ToText(), 100) : value->ToText());
  }
  return reader.ok() ? out : out + " (malformed)";
}

}  // namespace minisql::net
