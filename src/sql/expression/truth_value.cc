// truth_value.cc — what WHERE, AND, NOT, IF and CASE WHEN consider true.
#include "sql/expression/conversion.h"
#include "sql/expression/expression.h"

namespace minisql::sql {

std::optional<bool> TruthValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return std::nullopt;
    case Value::Kind::kInt:
      return v.int_value() != 0;
    case Value::Kind::kUInt:
      return v.uint_value() != 0;
    case Value::Kind::kDouble:
      return v.double_value() != 0;
    case Value::Kind::kDecimal:
      return v.decimal_value().unscaled() != 0;
    case Value::Kind::kString:
      return StringToDouble(v.string_value()) != 0;  // "1abc" is true, "abc" false
  }
  return std::nullopt;
}

}  // namespace minisql::sql
