// stmt_api_check.cc — minisql-stmt-api-check: drives a server's prepared-statement
// features through libmariadb's own C API, the way applications reach them, for
// test/e2e/stmt_api_test.sh:
//
//   mysql_stmt_send_long_data   COM_STMT_SEND_LONG_DATA, chunks adding up per parameter
//   STMT_ATTR_CURSOR_TYPE       COM_STMT_EXECUTE with CURSOR_TYPE_READ_ONLY
//   STMT_ATTR_PREFETCH_ROWS     COM_STMT_FETCH n rows at a time, until LAST_ROW_SENT
//
// Usage: minisql-stmt-api-check PORT. Prints one line per check; exit 1 at the first
// failure. Works against minisqld and MariaDB alike (it creates and drops database
// `stmt_api_check`).
#include <mysql.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

bool Fail(const char* what, const char* detail) {
  std::printf("FAIL %s: %s\n", what, detail);
  return false;
}

bool Query(MYSQL* mysql, const char* sql) {
  return mysql_query(mysql, sql) == 0 || Fail(sql, mysql_error(mysql));
}

// Inserts rows 1..5, row i with a blob of i chunks of 1000 bytes sent as long data.
bool InsertWithLongData(MYSQL* mysql) {
  MYSQL_STMT* stmt = mysql_stmt_init(mysql);
  const char* sql = "INSERT INTO t VALUES (?, ?)";
  if (mysql_stmt_prepare(stmt, sql, std::strlen(sql)) != 0) {
    return Fail("prepare INSERT", mysql_stmt_error(stmt));
  }
  int id = 0;
  MYSQL_BIND params[2];
  std::memset(params, 0, sizeof(params));
  params[0].buffer_type = MYSQL_TYPE_LONG;
  params[0].buffer = &id;
  params[1].buffer_type = MYSQL_TYPE_BLOB;  // no buffer: the value goes as long data
  if (mysql_stmt_bind_param(stmt, params) != 0) return Fail("bind", mysql_stmt_error(stmt));
  for (id = 1; id <= 5; ++id) {
    std::string chunk(1000, static_cast<char>('a' + id));
    for (int k = 0; k < id; ++k) {
      if (mysql_stmt_send_long_data(stmt, 1, chunk.data(), chunk.size()) != 0) {
        return Fail("send_long_data", mysql_stmt_error(stmt));
      }
    }
    if (mysql_stmt_execute(stmt) != 0) return Fail("execute INSERT", mysql_stmt_error(stmt));
  }
  mysql_stmt_close(stmt);
  std::printf("ok  mysql_stmt_send_long_data: 5 rows, 1 to 5 chunks each\n");
  return true;
}

// Reads `SELECT id, LENGTH(b)` through a read-only cursor, 2 rows per COM_STMT_FETCH;
// the second round stops after 2 rows and re-executes, which must close the cursor.
bool ReadThroughCursor(MYSQL* mysql) {
  MYSQL_STMT* stmt = mysql_stmt_init(mysql);
  unsigned long cursor_type = CURSOR_TYPE_READ_ONLY;
  unsigned long prefetch_rows = 2;
  mysql_stmt_attr_set(stmt, STMT_ATTR_CURSOR_TYPE, &cursor_type);
  mysql_stmt_attr_set(stmt, STMT_ATTR_PREFETCH_ROWS, &prefetch_rows);
  const char* sql = "SELECT id, LENGTH(b) FROM t ORDER BY id";
  if (mysql_stmt_prepare(stmt, sql, std::strlen(sql)) != 0) {
    return Fail("prepare SELECT", mysql_stmt_error(stmt));
  }
  for (int round = 0; round < 3; ++round) {
    if (mysql_stmt_execute(stmt) != 0) return Fail("execute SELECT", mysql_stmt_error(stmt));
    if ((mysql->server_status & SERVER_STATUS_CURSOR_EXISTS) == 0) {
      return Fail("execute SELECT", "no SERVER_STATUS_CURSOR_EXISTS");
    }
    long long id = 0, length = 0;
    MYSQL_BIND columns[2];
    std::memset(columns, 0, sizeof(columns));
    columns[0].buffer_type = MYSQL_TYPE_LONGLONG;
    columns[0].buffer = &id;
    columns[1].buffer_type = MYSQL_TYPE_LONGLONG;
    columns[1].buffer = &length;
    mysql_stmt_bind_result(stmt, columns);
    int rows = 0;
    int status = 0;
    while ((status = mysql_stmt_fetch(stmt)) == 0) {
      ++rows;
      if (id != rows || length != 1000 * rows) {
        return Fail("fetch", ("row " + std::to_string(rows) + " is " + std::to_string(id) + ", " +
                              std::to_string(length))
                                 .c_str());
      }
      if (round == 0 && rows == 2) break;  // leave the cursor open; the next execute closes it
    }
    int expected_rows = round == 0 ? 2 : 5;
    if (rows != expected_rows) return Fail("fetch", mysql_stmt_error(stmt));
    if (round > 0 && status != MYSQL_NO_DATA) return Fail("fetch end", mysql_stmt_error(stmt));
  }
  mysql_stmt_close(stmt);
  std::printf("ok  cursor: 2 rows per fetch, re-execute with an open cursor\n");
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: minisql-stmt-api-check PORT\n");
    return 2;
  }
  MYSQL* mysql = mysql_init(nullptr);
  unsigned port = static_cast<unsigned>(std::atoi(argv[1]));
  unsigned protocol = MYSQL_PROTOCOL_TCP;
  mysql_options(mysql, MYSQL_OPT_PROTOCOL, &protocol);
  if (mysql_real_connect(mysql, "127.0.0.1", "root", "", nullptr, port, nullptr, 0) == nullptr) {
    Fail("connect", mysql_error(mysql));
    return 1;
  }
  bool ok = Query(mysql, "DROP DATABASE IF EXISTS stmt_api_check") &&
            Query(mysql, "CREATE DATABASE stmt_api_check") && Query(mysql, "USE stmt_api_check") &&
            Query(mysql, "CREATE TABLE t (id INT PRIMARY KEY, b LONGBLOB)") &&
            InsertWithLongData(mysql) && ReadThroughCursor(mysql) &&
            Query(mysql, "DROP DATABASE stmt_api_check");
  mysql_close(mysql);
  return ok ? 0 : 1;
}
