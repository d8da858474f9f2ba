// error_reply.cc — see error_reply.h.
#include "minisql/error_reply.h"

#include <cctype>

namespace minisql::cli {
namespace {

constexpr std::string_view kErrorPrefix = "ERROR ";

bool IsBlank(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsErrorReply(std::string_view reply) {
  return reply.starts_with(kErrorPrefix);
}

std::string WithLineNumber(std::string_view reply, int line) {
  // Expect "ERROR " digits " (" five characters "):".
  size_t pos = kErrorPrefix.size();
  if (!IsErrorReply(reply)) return std::string(reply);
  const size_t digits_begin = pos;
  while (pos < reply.size() && std::isdigit(static_cast<unsigned char>(reply[pos]))) ++pos;
  if (pos == digits_begin) return std::string(reply);
  const std::string_view state_part = reply.substr(pos);
  if (state_part.size() < 9 || !state_part.starts_with(" (") || state_part.substr(7, 2) != "):") {
    return std::string(reply);
  }
  const size_t colon = pos + 8;
  std::string out(reply.substr(0, colon));
  out += " at line " + std::to_string(line);
  out += reply.substr(colon);
  return out;
}

bool IsQuitCommand(std::string_view line) {
  while (!line.empty() && IsBlank(line.front())) line.remove_prefix(1);
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  if (line.ends_with(';')) line.remove_suffix(1);
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  return EqualsIgnoreCase(line, "quit") || EqualsIgnoreCase(line, "exit") || line == "\\q";
}

}  // namespace minisql::cli
