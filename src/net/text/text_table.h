// text_table.h — results rendered as the mysql command-line client shows them.
//
//   +-------+-----+------+
//   | a     | bb  | c    |        header: names, left-aligned
//   +-------+-----+------+
//   |     1 | xyz | NULL |        numeric columns right-aligned, others left-aligned
//   | 22222 | q   |    3 |
//   +-------+-----+------+
//   2 rows in set
//
// A column is as wide as its widest cell or name, and at least 4 ("NULL") unless it is
// declared NOT NULL — the rule of `mysql --table`. Widths count UTF-8 code points, so
// accented text lines up (the mysql client counts bytes there and misaligns).
// "Numeric" is the client's IS_NUM: integer types, FLOAT/DOUBLE, DECIMAL, YEAR and the
// NULL type.
//
// Used by the text protocol (net/text/text_protocol.h); free of I/O so the CLI can reuse it.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"

namespace minisql::net {

class TextTable {
 public:
  explicit TextTable(std::vector<ResultColumn> columns);

  void AddRow(const Row& row);
  size_t row_count() const { return rows_.size(); }
  /// Approximate memory held by the cells (the text protocol caps it).
  size_t byte_size() const { return byte_size_; }

  /// The bordered table, each line ending in '\n', then the summary line
  /// ("1 row in set", "N rows in set"); just "Empty set" when there are no rows.
  std::string Render() const;

 private:
  struct Cell {
    bool is_null;
    std::string text;
  };
  std::vector<ResultColumn> columns_;
  std::vector<std::vector<Cell>> rows_;
  size_t byte_size_ = 0;
};

/// "Query OK, 1 row affected" / "Query OK, N rows affected", plus "\n" + info if any.
std::string RenderOk(const OkResult& ok);

/// "ERROR 1146 (42S02): Table 'shop.nope' doesn't exist"
std::string RenderError(const Status& error);

}  // namespace minisql::net
