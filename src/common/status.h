// status.h — errors are values.
//
// Every fallible function in minisql returns a Status (or a Result<T>, which is a
// Status or a T). A Status is either OK or an error carrying everything a MySQL
// client needs to see: the MySQL error number, the five-character SQLSTATE and the
// formatted message. The codes come from one table, error_codes.def, so a code's
// number, SQLSTATE and wording are written down exactly once.
//
// Exceptions are never used to report errors: they must not cross the libuv event
// loop (C callbacks), and a database error is an expected outcome, not an exception.
//
//   Status s = Status::Error(ErrorCode::kNoSuchTable, "shop", "nope");
//   s.code()      -> 1146
//   s.sqlstate()  -> "42S02"
//   s.message()   -> "Table 'shop.nope' doesn't exist"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace minisql {

/// The symbolic names of error_codes.def; kOk is not an error.
enum class ErrorCode : uint16_t {
  kOk = 0,
#define ERROR(name, code, state, format) k##name,
#include "common/error_codes.def"
#undef ERROR
};

/// One row of error_codes.def.
struct ErrorInfo {
  uint16_t mysql_errno;
  const char* sqlstate;
  const char* format;
};

/// Looks up a code's row in the table.
const ErrorInfo& GetErrorInfo(ErrorCode code);

class Status {
 public:
  /// The OK status (the default).
  Status() = default;
  static Status OK() { return Status(); }

  /// An error from the table, its message formatted printf-style from `args`.
  /// Arguments may be std::string / std::string_view (converted), C strings or numbers.
  template <typename... Args>
  static Status Error(ErrorCode code, const Args&... args) {
    return Status(code, FormatMessage(GetErrorInfo(code).format, ToPrintfArg(args)...));
  }

  /// An error whose message was formatted elsewhere (e.g. a syntax error's text).
  static Status WithMessage(ErrorCode code, std::string message) {
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode error_code() const { return code_; }
  /// MySQL error number (0 when OK).
  uint16_t code() const { return ok() ? 0 : GetErrorInfo(code_).mysql_errno; }
  /// Five-character SQLSTATE ("00000" when OK).
  const char* sqlstate() const { return ok() ? "00000" : GetErrorInfo(code_).sqlstate; }
  const std::string& message() const { return message_; }

  /// "ERROR 1146 (42S02): Table 'shop.nope' doesn't exist" — as the mysql client prints it.
  std::string ToString() const;

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static std::string FormatMessage(const char* format, ...);
  static const char* ToPrintfArg(const std::string& s) { return s.c_str(); }
  static const char* ToPrintfArg(const char* s) { return s; }
  template <typename T>
  static T ToPrintfArg(const T& v) {
    static_assert(!std::is_same_v<T, std::string_view>,
                  "pass std::string, not string_view: printf needs NUL-terminated text");
    return v;
  }

  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

/// Either a value or an error Status. `Result<int> r = ...; if (!r.ok()) return r.status();`
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace minisql

/// Returns early from the calling function if `expr` yields an error Status.
#define MINISQL_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::minisql::Status minisql_status_ = (expr);        \
    if (!minisql_status_.ok()) return minisql_status_; \
  } while (0)
