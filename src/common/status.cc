// status.cc — the error table lookup and message formatting behind Status.
#include "common/status.h"

#include <cstdarg>
#include <cstdio>

namespace minisql {

namespace {
// The rows of error_codes.def in enum order; index 0 is kOk.
const ErrorInfo kErrorTable[] = {
    {0, "00000", ""},
#define ERROR(name, code, state, format) {code, state, format},
#include "common/error_codes.def"
#undef ERROR
};
}  // namespace

const ErrorInfo& GetErrorInfo(ErrorCode code) {
  return kErrorTable[static_cast<size_t>(code)];
}

std::string Status::FormatMessage(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string out(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  if (size > 0) std::vsnprintf(out.data(), out.size() + 1, format, args);
  va_end(args);
  // MySQL caps error messages at 512 bytes (MYSQL_ERRMSG_SIZE); keep ours as short.
  if (out.size() > 511) out.resize(511);
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return "ERROR " + std::to_string(code()) + " (" + sqlstate() + "): " + message_;
}

}  // namespace minisql
