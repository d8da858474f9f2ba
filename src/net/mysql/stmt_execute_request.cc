// stmt_execute_request.cc — see stmt_execute_request.h for the payload layout.
#include "net/mysql/stmt_execute_request.h"

#include <bit>
#include <cstdio>
#include <optional>
#include <string>

#include "net/mysql/wire_codec.h"
#include "types/field_type.h"

namespace minisql::net {

namespace {

Status Malformed() {
  return Status::Error(ErrorCode::kMalformedPacket);
}

Status WrongArguments() {
  return Status::Error(ErrorCode::kWrongArguments, "mysqld_stmt_execute");
}

// DATE / DATETIME / TIMESTAMP: the text form of the value, 'YYYY-MM-DD[ hh:mm:ss[.ffffff]]'.
Result<Value> DecodeDateTime(PayloadReader* reader, FieldType type) {
  uint8_t length = reader->ReadInt1();
  if (length != 0 && length != 4 && length != 7 && length != 11) {
    return WrongArguments();
  }
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  uint32_t micro = 0;
  if (length >= 4) {
    year = reader->ReadInt2();
    month = reader->ReadInt1();
    day = reader->ReadInt1();
  }
  if (length >= 7) {
    hour = reader->ReadInt1();
    minute = reader->ReadInt1();
    second = reader->ReadInt1();
  }
  if (length == 11) micro = reader->ReadInt4();
  if (!reader->ok()) return WrongArguments();
  if (micro > 999999) return WrongArguments();
  char text[64];
  int n = std::snprintf(text, sizeof(text), "%04u-%02u-%02u", year, month, day);
  if (type != FieldType::kDate) {
    n += std::snprintf(text + n, sizeof(text) - n, " %02u:%02u:%02u", hour, minute, second);
    if (micro != 0) std::snprintf(text + n, sizeof(text) - n, ".%06u", micro);
  }
  return Value::String(text);
}

// TIME: '[-]hhh:mm:ss[.ffffff]', the days folded into the hours.
Result<Value> DecodeTime(PayloadReader* reader) {
  uint8_t length = reader->ReadInt1();
  if (length != 0 && length != 8 && length != 12) {
    return WrongArguments();
  }
  bool negative = false;
  uint64_t hours = 0;
  unsigned minute = 0, second = 0;
  uint32_t micro = 0;
  if (length >= 8) {
    negative = reader->ReadInt1() != 0;
    uint64_t days = reader->ReadInt4();
    hours = days * 24 + reader->ReadInt1();
    minute = reader->ReadInt1();
    second = reader->ReadInt1();
  }
  if (length == 12) micro = reader->ReadInt4();
  if (!reader->ok()) return WrongArguments();
  if (micro > 999999) return WrongArguments();
  char text[64];
  int n = std::snprintf(text, sizeof(text), "%s%02llu:%02u:%02u", negative ? "-" : "",
                        static_cast<unsigned long long>(hours), minute, second);
  if (micro != 0) std::snprintf(text + n, sizeof(text) - n, ".%06u", micro);
  return Value::String(text);
}

// A signed or unsigned integer of `width` bytes.
Value DecodeInteger(PayloadReader* reader, size_t width, bool is_unsigned) {
  uint64_t bits = 0;
  switch (width) {
    case 1:
      bits = reader->ReadInt1();
      break;
    case 2:
      bits = reader->ReadInt2();
      break;
    case 4:
      bits = reader->ReadInt4();
      break;
    default:
      bits = reader->ReadInt8();
      break;
  }
  if (is_unsigned) {
    // Small values stay signed Ints (MySQL types a parameter by its value: `? - 10`
    // with ? = 5 is -5); beyond int64 the value is a BIGINT UNSIGNED, like the literal.
    if (bits <= static_cast<uint64_t>(INT64_MAX)) return Value::Int(static_cast<int64_t>(bits));
    return Value::UInt(bits);
  }
  // Sign-extend from `width` bytes.
  unsigned shift = static_cast<unsigned>(64 - 8 * width);
  return Value::Int(static_cast<int64_t>(bits << shift) >> shift);
}

// A value of a numeric or string type; the reader is checked by the caller.
Value ReadScalar(PayloadReader* reader, FieldType type, bool is_unsigned) {
  switch (type) {
    case FieldType::kTiny:
      return DecodeInteger(reader, 1, is_unsigned);
    case FieldType::kShort:
    case FieldType::kYear:
      return DecodeInteger(reader, 2, is_unsigned);
    case FieldType::kLong:
    case FieldType::kInt24:
      return DecodeInteger(reader, 4, is_unsigned);
    case FieldType::kLongLong:
      return DecodeInteger(reader, 8, is_unsigned);
    case FieldType::kFloat:
      return Value::Double(std::bit_cast<float>(reader->ReadInt4()));
    case FieldType::kDouble:
      return Value::Double(std::bit_cast<double>(reader->ReadInt8()));
    case FieldType::kDecimal:
    case FieldType::kNewDecimal: {
      std::string_view text = reader->ReadLenencString();
      std::optional<Decimal> decimal = Decimal::Parse(text);
      // Not a number we can hold exactly: pass the text on; the SQL layer converts it
      // (and complains) as it would a string.
      if (decimal) return Value::FromDecimal(*decimal);
      return Value::String(std::string(text));
    }
    default:  // the string and blob types
      return Value::String(std::string(reader->ReadLenencString()));
  }
}

}  // namespace

Result<Value> DecodeBinaryValue(PayloadReader* reader, uint16_t type_code) {
  bool is_unsigned = (type_code & kParamUnsignedFlag) != 0;
  auto type = static_cast<FieldType>(type_code & 0xff);
  switch (type) {
    case FieldType::kNull:
      return Value::Null();
    case FieldType::kDate:
    case FieldType::kDateTime:
    case FieldType::kTimestamp:
      return DecodeDateTime(reader, type);
    case FieldType::kTime:
      return DecodeTime(reader);
    case FieldType::kTiny:
    case FieldType::kShort:
    case FieldType::kYear:
    case FieldType::kLong:
    case FieldType::kInt24:
    case FieldType::kLongLong:
    case FieldType::kFloat:
    case FieldType::kDouble:
    case FieldType::kDecimal:
    case FieldType::kNewDecimal:
    case FieldType::kVarchar:
    case FieldType::kVarString:
    case FieldType::kString:
    case FieldType::kTinyBlob:
    case FieldType::kMediumBlob:
    case FieldType::kLongBlob:
    case FieldType::kBlob:
    case FieldType::kEnum:
    case FieldType::kSet:
    case FieldType::kJson:
    case FieldType::kBit:
    case FieldType::kGeometry: {
      Value value = ReadScalar(reader, type, is_unsigned);
      if (!reader->ok()) return WrongArguments();
      return value;
    }
  }
  return WrongArguments();  // not a type a client may send
}

Result<uint32_t> ReadStatementId(std::string_view arguments) {
  PayloadReader reader(arguments);
  uint32_t id = reader.ReadInt4();
  if (!reader.ok()) return Malformed();
  return id;
}

Result<StmtExecuteRequest> DecodeStmtExecute(std::string_view arguments, uint16_t param_count,
                                             const std::vector<uint16_t>& previous_types,
                                             const std::map<uint16_t, std::string>& long_data) {
  PayloadReader reader(arguments);
  StmtExecuteRequest request;
  request.statement_id = reader.ReadInt4();
  request.flags = reader.ReadInt1();
  request.iteration_count = reader.ReadInt4();
  if (!reader.ok()) return Malformed();
  if (param_count == 0) return request;

  // No (complete) parameter block: MariaDB's 1210, as for a wrong parameter count.
  std::string_view null_bitmap = reader.ReadFixedString((param_count + 7) / 8);
  request.new_params_bound = reader.ReadInt1() != 0;
  if (!reader.ok()) return WrongArguments();
  if (request.new_params_bound) {
    request.param_types.reserve(param_count);
    for (uint16_t i = 0; i < param_count; ++i) request.param_types.push_back(reader.ReadInt2());
    if (!reader.ok()) return Malformed();
  } else {
    // The types of the previous execution; a first execution must send them.
    if (previous_types.size() != param_count) return WrongArguments();
    request.param_types = previous_types;
  }

  request.params.reserve(param_count);
  for (uint16_t i = 0; i < param_count; ++i) {
    if (auto sent = long_data.find(i); sent != long_data.end()) {
      request.params.push_back(Value::String(sent->second));
      continue;
    }
    bool is_null = (static_cast<uint8_t>(null_bitmap[i / 8]) >> (i % 8)) & 1;
    if (is_null) {
      request.params.push_back(Value::Null());
      continue;
    }
    Result<Value> value = DecodeBinaryValue(&reader, request.param_types[i]);
    if (!value.ok()) return value.status();
    request.params.push_back(std::move(*value));
  }
  // Bytes after the last value are ignored, as MariaDB does.
  return request;
}

}  // namespace minisql::net
