// mysql_client_stmt.cc — MysqlClient::ExecutePrepared: one SQL text through the binary
// protocol (libmariadb's mysql_stmt_* API), collected as text like MysqlClient::Execute.
//
//   mysql_stmt_prepare ──► COM_STMT_PREPARE   (1295 here: the server cannot prepare it)
//   mysql_stmt_execute ──► COM_STMT_EXECUTE   (no parameters: the text has no `?`)
//   mysql_stmt_store_result / fetch ──► binary rows, every column bound as a STRING
//   mysql_stmt_close   ──► COM_STMT_CLOSE
//
// Binding every column as MYSQL_TYPE_STRING makes the client library convert each
// binary value (an 8-byte double, a packed DATETIME ...) to text the way an
// application would see it, guided by the column metadata (type, decimals, flags).
// Text and binary results therefore agree only when the server's binary encoding and
// its metadata are both right — which is what --compare-protocols checks.
#include <errmsg.h>

#include <memory>

#include "sqllogictest/mysql_client.h"

namespace minisql::slt {
namespace {

// MariaDB's ER_UNSUPPORTED_PS: "This command is not supported in the prepared
// statement protocol yet".
constexpr unsigned kUnsupportedInPreparedProtocol = 1295;
// Most values fit; longer ones are fetched again with mysql_stmt_fetch_column.
constexpr unsigned long kInitialBufferSize = 256;

SqlOutcome StmtError(MYSQL_STMT* stmt) {
  SqlOutcome outcome;
  outcome.error_code = mysql_stmt_errno(stmt);
  outcome.error_message = mysql_stmt_error(stmt);
  if (outcome.error_code == 0) {
    outcome.error_code = CR_UNKNOWN_ERROR;
    outcome.error_message = "unknown client error";
  }
  outcome.not_preparable = outcome.error_code == kUnsupportedInPreparedProtocol;
  return outcome;
}

struct StmtCloser {
  void operator()(MYSQL_STMT* stmt) const { mysql_stmt_close(stmt); }
};

// Reads every row of an executed statement's result set into `outcome`.
SqlOutcome FetchRows(MYSQL_STMT* stmt, unsigned column_count) {
  SqlOutcome outcome;
  outcome.has_result_set = true;
  outcome.column_count = column_count;
  if (mysql_stmt_store_result(stmt) != 0) return StmtError(stmt);
  std::vector<MYSQL_BIND> binds(column_count);
  std::vector<std::string> buffers(column_count, std::string(kInitialBufferSize, '\0'));
  std::vector<unsigned long> lengths(column_count);
  std::vector<my_bool> nulls(column_count), errors(column_count);
  for (unsigned i = 0; i < column_count; ++i) {
    binds[i] = MYSQL_BIND{};
    binds[i].buffer_type = MYSQL_TYPE_STRING;
    binds[i].buffer = buffers[i].data();
    binds[i].buffer_length = kInitialBufferSize;
    binds[i].length = &lengths[i];
    binds[i].is_null = &nulls[i];
    binds[i].error = &errors[i];
  }
  if (column_count > 0 && mysql_stmt_bind_result(stmt, binds.data()) != 0) return StmtError(stmt);
  while (true) {
    int status = mysql_stmt_fetch(stmt);
    if (status == MYSQL_NO_DATA) break;
    if (status == 1) return StmtError(stmt);
    RawRow row(column_count);
    for (unsigned i = 0; i < column_count; ++i) {
      if (nulls[i]) continue;
      if (lengths[i] <= kInitialBufferSize) {
        row[i] = std::string(buffers[i].data(), lengths[i]);
        continue;
      }
      // MYSQL_DATA_TRUNCATED: fetch this column again into a buffer that fits.
      std::string whole(lengths[i], '\0');
      MYSQL_BIND again{};
      unsigned long length = 0;
      again.buffer_type = MYSQL_TYPE_STRING;
      again.buffer = whole.data();
      again.buffer_length = lengths[i];
      again.length = &length;
      if (mysql_stmt_fetch_column(stmt, &again, i, 0) != 0) return StmtError(stmt);
      whole.resize(length);
      row[i] = std::move(whole);
    }
    outcome.rows.push_back(std::move(row));
  }
  return outcome;
}

}  // namespace

SqlOutcome MysqlClient::ExecutePrepared(const std::string& sql) {
  if (handle_ == nullptr) {
    return SqlOutcome::ClientError(CR_SERVER_GONE_ERROR, "not connected");
  }
  std::unique_ptr<MYSQL_STMT, StmtCloser> stmt(mysql_stmt_init(handle_));
  if (stmt == nullptr) {
    return SqlOutcome::ClientError(CR_OUT_OF_MEMORY, "mysql_stmt_init failed");
  }
  if (mysql_stmt_prepare(stmt.get(), sql.data(), sql.size()) != 0) return StmtError(stmt.get());
  if (mysql_stmt_param_count(stmt.get()) != 0) {
    return SqlOutcome::ClientError(CR_PARAMS_NOT_BOUND,
                                   "the statement has `?` parameters; the runner binds none");
  }
  if (mysql_stmt_execute(stmt.get()) != 0) return StmtError(stmt.get());
  // The execution's metadata, not the prepare's: a statement may describe its columns
  // only when it runs (SHOW, CALL ...).
  unsigned column_count = mysql_stmt_field_count(stmt.get());
  if (column_count == 0) return SqlOutcome{};
  return FetchRows(stmt.get(), column_count);
}

}  // namespace minisql::slt
