// mysql_client.cc — the libmariadb wrapper (see mysql_client.h).
#include "sqllogictest/mysql_client.h"

#include <errmsg.h>

namespace minisql::slt {
namespace {

SqlOutcome ErrorFrom(MYSQL* handle) {
  SqlOutcome outcome;
  outcome.error_code = mysql_errno(handle);
  outcome.error_message = mysql_error(handle);
  if (outcome.error_code == 0) {  // should not happen; never report an error as success
    outcome.error_code = CR_UNKNOWN_ERROR;
    outcome.error_message = "unknown client error";
  }
  return outcome;
}

}  // namespace

std::string SqlOutcome::ErrorText() const {
  return "ERROR " + std::to_string(error_code) + ": " + error_message;
}

bool SqlOutcome::IsConnectionLost() const {
  switch (error_code) {
    case CR_CONNECTION_ERROR:      // 2002
    case CR_CONN_HOST_ERROR:       // 2003
    case CR_SERVER_GONE_ERROR:     // 2006
    case CR_SERVER_LOST:           // 2013
    case CR_SERVER_LOST_EXTENDED:  // 2055
    case CR_COMMANDS_OUT_OF_SYNC:  // 2014: the connection's state is unusable
      return true;
    default:
      return false;
  }
}

SqlOutcome MysqlClient::Connect() {
  Close();
  handle_ = mysql_init(nullptr);
  if (handle_ == nullptr) {
    return SqlOutcome::ClientError(CR_OUT_OF_MEMORY, "mysql_init failed");
  }
  unsigned int timeout = address_.timeout_seconds;
  mysql_options(handle_, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_options(handle_, MYSQL_OPT_READ_TIMEOUT, &timeout);
  mysql_options(handle_, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
  // A silent reconnect would lose the session's database without telling us.
  my_bool reconnect = 0;
  mysql_options(handle_, MYSQL_OPT_RECONNECT, &reconnect);
  unsigned int protocol = MYSQL_PROTOCOL_TCP;
  mysql_options(handle_, MYSQL_OPT_PROTOCOL, &protocol);
  if (mysql_real_connect(handle_, address_.host.c_str(), address_.user.c_str(),
                         address_.password.c_str(), nullptr, address_.port, nullptr,
                         0) == nullptr) {
    SqlOutcome outcome = ErrorFrom(handle_);
    Close();
    return outcome;
  }
  thread_id_ = mysql_thread_id(handle_);
  return SqlOutcome{};
}

SqlOutcome MysqlClient::Execute(const std::string& sql) {
  if (handle_ == nullptr) {
    return SqlOutcome::ClientError(CR_SERVER_GONE_ERROR, "not connected");
  }
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) return ErrorFrom(handle_);
  SqlOutcome outcome;
  MYSQL_RES* result = mysql_store_result(handle_);
  if (result == nullptr) {
    if (mysql_field_count(handle_) != 0) return ErrorFrom(handle_);  // rows were due
    return outcome;  // a statement without a result set
  }
  outcome.has_result_set = true;
  outcome.column_count = mysql_num_fields(result);
  while (MYSQL_ROW row = mysql_fetch_row(result)) {
    unsigned long* lengths = mysql_fetch_lengths(result);
    RawRow raw(outcome.column_count);
    for (size_t column = 0; column < outcome.column_count; ++column) {
      if (row[column] != nullptr) raw[column] = std::string(row[column], lengths[column]);
    }
    outcome.rows.push_back(std::move(raw));
  }
  mysql_free_result(result);
  // mysql_store_result buffers the whole set, so a fetch error shows up here if at all.
  if (mysql_errno(handle_) != 0) return ErrorFrom(handle_);
  return outcome;
}

void MysqlClient::Close() {
  if (handle_ != nullptr) mysql_close(handle_);
  handle_ = nullptr;
  thread_id_ = 0;
}

}  // namespace minisql::slt
