// text_table.cc — see text_table.h for the layout.
#include "net/text/text_table.h"

#include <algorithm>

#include "types/field_type.h"

namespace minisql::net {

namespace {

/// UTF-8 code points: every byte except continuation bytes (10xxxxxx) starts one.
size_t DisplayWidth(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

/// The mysql client's IS_NUM(type).
bool IsNumeric(FieldType type) {
  auto code = static_cast<uint8_t>(type);
  return (code <= static_cast<uint8_t>(FieldType::kInt24) && type != FieldType::kTimestamp) ||
         type == FieldType::kYear || type == FieldType::kNewDecimal;
}

void AppendPadded(std::string* out, const std::string& text, size_t width, bool right_align) {
  size_t padding = width - std::min(width, DisplayWidth(text));
  out->append("| ");
  if (right_align) out->append(padding, ' ');
  out->append(text);
  if (!right_align) out->append(padding, ' ');
  out->push_back(' ');
}

}  // namespace

TextTable::TextTable(std::vector<ResultColumn> columns) : columns_(std::move(columns)) {}

void TextTable::AddRow(const Row& row) {
  std::vector<Cell> cells;
  cells.reserve(row.size());
  for (const Value& value : row) {
    if (value.is_null()) {
      cells.push_back(Cell{true, "NULL"});
    } else if (cells.size() < columns_.size() && columns_[cells.size()].type == FieldType::kFloat &&
               value.kind() == Value::Kind::kDouble) {
      cells.push_back(Cell{false, FormatFloat(value.double_value())});
    } else {
      cells.push_back(Cell{false, value.ToText()});
    }
    byte_size_ += cells.back().text.size() + sizeof(Cell);
  }
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render() const {
  if (rows_.empty()) return "Empty set";
  std::vector<size_t> widths;
  for (const ResultColumn& column : columns_) {
    size_t width = DisplayWidth(column.name);
    if (!(column.flags & kNotNullFlag)) width = std::max<size_t>(width, 4);
    widths.push_back(width);
  }
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i].text));
    }
  }
  std::string border = "+";
  for (size_t width : widths) border.append(width + 2, '-').push_back('+');
  border.push_back('\n');

  std::string out = border;
  for (size_t i = 0; i < columns_.size(); ++i) {
    AppendPadded(&out, columns_[i].name, widths[i], /*right_align=*/false);
  }
  out.append("|\n").append(border);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string& text = i < row.size() ? row[i].text : "";
      AppendPadded(&out, text, widths[i], IsNumeric(columns_[i].type));
    }
    out.append("|\n");
  }
  out.append(border);
  out.append(std::to_string(rows_.size()));
  out.append(rows_.size() == 1 ? " row in set" : " rows in set");
  return out;
}

std::string RenderOk(const OkResult& ok) {
  std::string out = "Query OK, " + std::to_string(ok.affected_rows) +
                    (ok.affected_rows == 1 ? " row affected" : " rows affected");
  if (!ok.info.empty()) out.append("\n").append(ok.info);
  return out;
}

std::string RenderError(const Status& error) {
  return error.ToString();
}

}  // namespace minisql::net
