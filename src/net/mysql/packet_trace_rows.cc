// packet_trace_rows.cc — the protocol tracer's decoding of result rows
// (packet_trace.h): text rows (every value string<lenenc>, 0xFB = NULL) and binary rows
// of COM_STMT_EXECUTE, whose values can only be read with the column types the
// result set's column definitions announced.
#include <bit>
#include <cstdio>

#include "net/mysql/packet_trace.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/wire_codec.h"
#include "types/field_type.h"

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
// its column type's binary encoding (binary_row.h).
std::string PacketTracer::DescribeBinaryRow(std::string_view payload) const {
  PayloadReader reader(payload);
  reader.Skip(1);
  std::string_view null_bitmap = reader.ReadFixedString((column_types_.size() + 9) / 8);
  if (!reader.ok()) return "binary row (malformed)";
  std::string out = "binary row:";
  char text[64];
  for (size_t i = 0; i < column_types_.size() && reader.ok(); ++i) {
    size_t bit = i + 2;
    if ((static_cast<uint8_t>(null_bitmap[bit / 8]) >> (bit % 8)) & 1) {
      out += " NULL";
      continue;
    }
    bool is_unsigned = (column_types_[i] & 0x100) != 0;
    auto type = static_cast<FieldType>(column_types_[i] & 0xff);
    size_t width = 0;
    switch (type) {
      case FieldType::kTiny:
        width = 1;
        break;
      case FieldType::kShort:
      case FieldType::kYear:
        width = 2;
        break;
      case FieldType::kLong:
      case FieldType::kInt24:
        width = 4;
        break;
      case FieldType::kLongLong:
        width = 8;
        break;
      default:
        break;
    }
    if (width > 0) {
      uint64_t bits = width == 1   ? reader.ReadInt1()
                      : width == 2 ? reader.ReadInt2()
                      : width == 4 ? reader.ReadInt4()
                                   : reader.ReadInt8();
      unsigned shift = static_cast<unsigned>(64 - 8 * width);
      out += " " + (is_unsigned ? std::to_string(bits)
                                : std::to_string(static_cast<int64_t>(bits << shift) >> shift));
    } else if (type == FieldType::kFloat || type == FieldType::kDouble) {
      double value = type == FieldType::kFloat ? std::bit_cast<float>(reader.ReadInt4())
                                               : std::bit_cast<double>(reader.ReadInt8());
      std::snprintf(text, sizeof(text), " %.17g", value);
      out += text;
    } else if (type == FieldType::kDate || type == FieldType::kDateTime ||
               type == FieldType::kTimestamp || type == FieldType::kTime) {
      // int<1> length, then the fields present (shorter forms leave the rest zero):
      // DATE/DATETIME year int<2> | month | day | hour | minute | second | micro int<4>;
      // TIME is_negative | days int<4> | hour | minute | second | micro int<4>.
      PayloadReader fields(reader.ReadFixedString(reader.ReadInt1()));
      if (type == FieldType::kTime) {
        bool negative = fields.ReadInt1() != 0;
        uint32_t days = fields.ReadInt4();
        unsigned hour = fields.ReadInt1(), minute = fields.ReadInt1(), second = fields.ReadInt1();
        std::snprintf(text, sizeof(text), " '%s%u %02u:%02u:%02u.%06u'", negative ? "-" : "", days,
                      hour, minute, second, fields.ReadInt4());
      } else {
        unsigned year = fields.ReadInt2(), month = fields.ReadInt1(), day = fields.ReadInt1();
        unsigned hour = fields.ReadInt1(), minute = fields.ReadInt1(), second = fields.ReadInt1();
        std::snprintf(text, sizeof(text), " '%04u-%02u-%02u %02u:%02u:%02u.%06u'", year, month, day,
                      hour, minute, second, fields.ReadInt4());
      }
      out += text;
    } else {
      out += " " + TraceQuote(reader.ReadLenencString(), 100);
    }
  }
  return reader.ok() ? out : out + " (malformed)";
}

}  // namespace minisql::net
