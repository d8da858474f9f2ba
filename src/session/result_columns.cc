// result_columns.cc — see result_columns.h.
#include "session/result_columns.h"

namespace minisql {

namespace {

// MySQL's PART_KEY_FLAG: the column is part of some key (not in field_type.h's enum
// because only result metadata uses it).
constexpr uint16_t kPartKeyFlag = 16384;
constexpr uint8_t kDecimalsNotFixed = 31;
constexpr uint8_t kStringExpressionDecimals = 39;

}  // namespace

ResultColumn ToResultColumn(const sql::OutputColumn& column, uint16_t charset) {
  const ColumnType& type = column.type;
  ResultColumn out;
  out.name = column.name;
  out.type = type.field_type();
  out.charset = type.IsBinaryCharset() ? static_cast<uint16_t>(kCharsetBinary) : charset;
  out.length = type.ColumnLength(out.charset == kCharsetBinary ? charset : out.charset);
  uint16_t flags = type.TypeFlags();
  if (!column.nullable) flags |= kNotNullFlag;
  if (column.is_table_column) {
    out.org_name = column.org_name;
    out.table = column.table;
    out.org_table = column.org_table;
    out.schema = column.schema;
    if (column.primary_key) flags |= kPriKeyFlag | kPartKeyFlag;
    if (column.auto_increment) flags |= kAutoIncrementFlag;
    if (column.no_default) flags |= kNoDefaultValueFlag;
  } else {
    if (type.IsBinaryCharset()) flags |= kBinaryFlag;
    if (type.id == TypeId::kNull) flags |= kNumFlag;
  }
  out.flags = flags;
  switch (type.id) {
    case TypeId::kFloat:
    case TypeId::kDouble:
      out.decimals = type.scale == 0 ? kDecimalsNotFixed : type.scale;
      break;
    case TypeId::kDecimal:
    case TypeId::kTime:
    case TypeId::kDateTime:
    case TypeId::kTimestamp:
      out.decimals = type.scale;  // for temporal types: the fractional-second digits
      break;
    default:
      out.decimals = (type.IsString() && !column.is_table_column) ? kStringExpressionDecimals : 0;
      break;
  }
  return out;
}

std::vector<ResultColumn> ToResultColumns(const std::vector<sql::OutputColumn>& columns,
                                          uint16_t charset) {
  std::vector<ResultColumn> out;
  out.reserve(columns.size());
  for (const sql::OutputColumn& column : columns) out.push_back(ToResultColumn(column, charset));
  return out;
}

}  // namespace minisql
