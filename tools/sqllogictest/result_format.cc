// result_format.cc — printing, sorting and hashing of query values (see result_format.h).
#include "sqllogictest/result_format.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>

namespace minisql::slt {
namespace {

// The integer an I column shows. Whole numbers are parsed exactly (a double would
// lose digits past 2^53); anything else goes through strtod, which reads the numeric
// prefix ("12abc" -> 12, "abc" -> 0), and is truncated toward zero, saturating.
int64_t ToInteger(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  long long exact = std::strtoll(text.c_str(), &end, 10);
  if (errno == 0 && end != text.c_str() && *end == '\0') return exact;
  double real = std::strtod(text.c_str(), nullptr);
  if (std::isnan(real)) return 0;
  if (real >= 9.2233720368547758e18) return std::numeric_limits<int64_t>::max();
  if (real <= -9.2233720368547758e18) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(std::trunc(real));
}

}  // namespace

std::string FormatValue(char type, const std::optional<std::string>& value) {
  if (!value.has_value()) return "NULL";
  char buffer[64];
  switch (type) {
    case 'I':
      std::snprintf(buffer, sizeof(buffer), "%lld", static_cast<long long>(ToInteger(*value)));
      return buffer;
    case 'R':
      std::snprintf(buffer, sizeof(buffer), "%.3f", std::strtod(value->c_str(), nullptr));
      return buffer;
    default: {
      if (value->empty()) return "(empty)";
      std::string printed = *value;
      for (char& c : printed) {
        unsigned char byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E) c = '@';
      }
      return printed;
    }
  }
}

std::vector<std::string> FormatResult(const std::string& column_types, SortMode sort_mode,
                                      const std::vector<RawRow>& rows) {
  std::vector<std::vector<std::string>> printed_rows;
  printed_rows.reserve(rows.size());
  for (const RawRow& row : rows) {
    std::vector<std::string> printed;
    printed.reserve(row.size());
    for (size_t column = 0; column < row.size(); ++column) {
      printed.push_back(FormatValue(column_types[column], row[column]));
    }
    printed_rows.push_back(std::move(printed));
  }
  if (sort_mode == SortMode::kRowSort) std::sort(printed_rows.begin(), printed_rows.end());
  std::vector<std::string> values;
  for (std::vector<std::string>& row : printed_rows) {
    for (std::string& value : row) values.push_back(std::move(value));
  }
  if (sort_mode == SortMode::kValueSort) std::sort(values.begin(), values.end());
  return values;
}

std::string HashValues(const std::vector<std::string>& values) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (context == nullptr || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1) {
    return "md5-unavailable";
  }
  for (const std::string& value : values) {
    EVP_DigestUpdate(context.get(), value.data(), value.size());
    EVP_DigestUpdate(context.get(), "\n", 1);
  }
  EVP_DigestFinal_ex(context.get(), digest, &digest_length);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < digest_length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string HashLine(const std::vector<std::string>& values) {
  return std::to_string(values.size()) + " values hashing to " + HashValues(values);
}

bool IsHashLine(const std::string& line) {
  static const std::string kMiddle = " values hashing to ";
  size_t middle = line.find(kMiddle);
  if (middle == std::string::npos || middle == 0) return false;
  for (size_t i = 0; i < middle; ++i) {
    if (line[i] < '0' || line[i] > '9') return false;
  }
  std::string digest = line.substr(middle + kMiddle.size());
  return digest.size() == 32 && digest.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace minisql::slt
