// log.cc — see log.h.
#include "common/log.h"

#include <cstdarg>
#include <cstdio>
#include <ctime>

namespace minisql {

namespace {
void WriteLine(const char* level, std::string_view message) {
  std::time_t now = std::time(nullptr);
  std::tm local;
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &local);
  std::fprintf(stderr, "%s [%s] %.*s\n", stamp, level, static_cast<int>(message.size()),
               message.data());
}

void LogLine(const char* level, const char* format, va_list args) {
  char message[1024];
  std::vsnprintf(message, sizeof(message), format, args);
  WriteLine(level, message);
}
}  // namespace

void LogInfoText(std::string_view text) {
  WriteLine("Note", text);
}

#define MINISQL_DEFINE_LOG(function, level) \
  void function(const char* format, ...) {  \
    va_list args;                           \
    va_start(args, format);                 \
    LogLine(level, format, args);           \
    va_end(args);                           \
  }

MINISQL_DEFINE_LOG(LogInfo, "Note")
MINISQL_DEFINE_LOG(LogWarning, "Warning")
MINISQL_DEFINE_LOG(LogError, "ERROR")

}  // namespace minisql
