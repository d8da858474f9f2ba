// variable_reader.cc — the result types of variables (see variable_reader.h).
#include "sql/expression/variable_reader.h"

#include "types/decimal.h"

namespace minisql::sql {

Result<ColumnType> VariableReader::SystemVariableType(const std::string& name,
                                                      const std::string& scope) const {
  Result<Value> value = SystemVariable(name, scope);  // the errors of an unknown name
  if (!value.ok()) return value.status();
  return ColumnType{TypeId::kVarchar, false, 0, 0};
}

ColumnType UserVariableType(const Value& value) {
  constexpr uint32_t kLongBlobBytes = 4294967295u;
  switch (value.kind()) {
    case Value::Kind::kInt:
      return ColumnType{TypeId::kBigInt, false, 20, 0};
    case Value::Kind::kUInt:
      return ColumnType{TypeId::kBigInt, true, 20, 0};
    case Value::Kind::kDouble:
      return ColumnType{TypeId::kDouble, false, 0, 0};
    case Value::Kind::kDecimal:
      // The widest DECIMAL: a value assigned later in the statement keeps its digits.
      return ColumnType{TypeId::kDecimal, false, Decimal::kMaxPrecision,
                        value.decimal_value().scale()};
    case Value::Kind::kString:
      if (value.is_binary()) return ColumnType{TypeId::kBlob, false, kLongBlobBytes, 0};
      return ColumnType{TypeId::kText, false, 0, 0};
    case Value::Kind::kNull:
      break;
  }
  return ColumnType{TypeId::kBlob, false, kLongBlobBytes, 0};
}

}  // namespace minisql::sql
