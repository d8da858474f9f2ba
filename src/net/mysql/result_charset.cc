// result_charset.cc — see result_charset.h.
#include "net/mysql/result_charset.h"

namespace minisql::net {
namespace {

/// The set a column's values go out in, if it needs converting from UTF-8.
std::optional<CharacterSet> ConvertedSet(const ResultColumn& column) {
  if (column.charset == kCharsetBinary) return std::nullopt;
  std::optional<CharacterSet> set = CharacterSetOfCollation(column.charset);
  if (!set || !ConversionNeeded(*set)) return std::nullopt;
  return set;
}

std::string Convert(const std::string& text, std::optional<CharacterSet> results) {
  return results ? FromUtf8(*results, text) : text;
}

}  // namespace

bool RowsNeedConversion(const std::vector<ResultColumn>& columns) {
  for (const ResultColumn& column : columns) {
    if (ConvertedSet(column)) return true;
  }
  return false;
}

Row RowForClient(const std::vector<ResultColumn>& columns, const Row& row) {
  Row out = row;
  for (size_t i = 0; i < out.size() && i < columns.size(); ++i) {
    Value& value = out[i];
    if (value.kind() != Value::Kind::kString || value.is_binary()) continue;
    std::optional<CharacterSet> set = ConvertedSet(columns[i]);
    if (set) value = Value::String(FromUtf8(*set, value.string_value()));
  }
  return out;
}

ResultColumn ColumnForClient(const ResultColumn& column, std::optional<CharacterSet> results) {
  if (!results || !ConversionNeeded(*results)) return column;
  ResultColumn out = column;
  out.name = Convert(column.name, results);
  out.org_name = Convert(column.org_name, results);
  out.table = Convert(column.table, results);
  out.org_table = Convert(column.org_table, results);
  out.schema = Convert(column.schema, results);
  return out;
}

std::vector<ResultColumn> ColumnsForClient(const std::vector<ResultColumn>& columns,
                                           std::optional<CharacterSet> results) {
  std::vector<ResultColumn> out;
  out.reserve(columns.size());
  for (const ResultColumn& column : columns) out.push_back(ColumnForClient(column, results));
  return out;
}

Status ErrorForClient(const Status& error, std::optional<CharacterSet> results) {
  if (error.ok() || !results || !ConversionNeeded(*results)) return error;
  return Status::WithMessage(error.error_code(), FromUtf8(*results, error.message()));
}

}  // namespace minisql::net
