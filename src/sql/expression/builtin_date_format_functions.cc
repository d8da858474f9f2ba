// builtin_date_format_functions.cc — DATE_FORMAT(d, format) and STR_TO_DATE(s, format).
//
// The specifiers (MySQL's, the same letters in both directions where it makes sense):
//
//   %Y 2024   %y 24    %m 01   %c 1     %d 05   %e 5     %D 5th    %j 005 (day of year)
//   %M January %b Jan  %W Friday %a Fri %w 5 (0 = Sunday)
//   %H 13     %k 13    %h 01   %I 01    %l 1    %i 04    %s %S 09  %f 123000  %p PM
//   %T 13:04:09        %r 01:04:09 PM   %% %    %x (any other letter) -> x
//
// The week-number specifiers (%U %u %V %v %X %x) are not supported and answer 1235.
// STR_TO_DATE's result type follows a constant format: DATE when it names only date
// parts, TIME when only time parts, DATETIME otherwise.
#include <array>
#include <cctype>

#include "sql/expression/conversion.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/temporal_functions.h"

namespace minisql::sql {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

bool IsWeekSpecifier(char c) {
  return c == 'U' || c == 'u' || c == 'V' || c == 'v' || c == 'X' || c == 'x';
}

std::string Pad(uint32_t v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return s;
}

std::string Ordinal(uint32_t day) {
  const char* suffix = "th";
  if (day % 100 < 11 || day % 100 > 13) {
    if (day % 10 == 1) suffix = "st";
    if (day % 10 == 2) suffix = "nd";
    if (day % 10 == 3) suffix = "rd";
  }
  return std::to_string(day) + suffix;
}

bool HasWeekSpecifier(const std::string& format) {
  for (size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] == '%') {
      if (IsWeekSpecifier(format[i + 1])) return true;
      ++i;
    }
  }
  return false;
}

Result<Value> DateFormat(const FunctionCall& call) {
  Result<Value> format = call.Arg(1);
  if (!format.ok()) return format;
  std::string pattern = AsString(*format);
  if (HasWeekSpecifier(pattern)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "week specifiers in DATE_FORMAT");
  }
  std::optional<DateTime> t = DateArg(call, 0, nullptr);
  if (!t) return Value::Null();
  return Value::String(FormatDate(*t, pattern));
}

// --- STR_TO_DATE --------------------------------------------------------------------------

/// Reads up to `max_digits` digits at text[*pos].
std::optional<uint32_t> ReadDigits(const std::string& text, size_t* pos, int max_digits) {
  size_t start = *pos;
  uint32_t v = 0;
  while (*pos < text.size() && *pos - start < static_cast<size_t>(max_digits) &&
         std::isdigit(static_cast<unsigned char>(text[*pos]))) {
    v = v * 10 + static_cast<uint32_t>(text[*pos] - '0');
    ++*pos;
  }
  if (*pos == start) return std::nullopt;
  return v;
}

/// Matches one of `names` (or its 3-letter abbreviation) case-insensitively.
template <size_t N>
std::optional<uint32_t> ReadName(const std::string& text, size_t* pos,
                                 const std::array<const char*, N>& names, bool abbreviated) {
  for (size_t i = 0; i < N; ++i) {
    std::string name = names[i];
    if (abbreviated) name.resize(3);
    if (text.size() - *pos < name.size()) continue;
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) {
      match = std::tolower(static_cast<unsigned char>(text[*pos + k])) ==
              std::tolower(static_cast<unsigned char>(name[k]));
    }
    if (match) {
      *pos += name.size();
      return static_cast<uint32_t>(i);
    }
  }
  return std::nullopt;
}

std::optional<DateTime> ParseWithFormat(const std::string& text, const std::string& format) {
  DateTime t;
  size_t pos = 0;
  bool pm = false, twelve_hour = false;
  for (size_t f = 0; f < format.size(); ++f) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])) &&
           std::isspace(static_cast<unsigned char>(format[f]))) {
      ++pos;
    }
    if (format[f] != '%' || f + 1 == format.size()) {
      if (std::isspace(static_cast<unsigned char>(format[f]))) continue;
      if (pos >= text.size() || text[pos] != format[f]) return std::nullopt;
      ++pos;
      continue;
    }
    char spec = format[++f];
    std::optional<uint32_t> v;
    switch (spec) {
      case 'Y':
        v = ReadDigits(text, &pos, 4);
        if (v) t.year = *v;
        break;
      case 'y':
        v = ReadDigits(text, &pos, 2);
        if (v) t.year = *v < 70 ? 2000 + *v : 1900 + *v;
        break;
      case 'm':
      case 'c':
        v = ReadDigits(text, &pos, 2);
        if (v) t.month = *v;
        break;
      case 'd':
      case 'e':
        v = ReadDigits(text, &pos, 2);
        if (v) t.day = *v;
        break;
      case 'H':
      case 'k':
        v = ReadDigits(text, &pos, 2);
        if (v) t.hour = *v;
        break;
      case 'h':
      case 'I':
      case 'l':
        v = ReadDigits(text, &pos, 2);
        if (v) t.hour = *v, twelve_hour = true;
        break;
      case 'i':
        v = ReadDigits(text, &pos, 2);
        if (v) t.minute = *v;
        break;
      case 's':
      case 'S':
        v = ReadDigits(text, &pos, 2);
        if (v) t.second = *v;
        break;
      case 'f': {
        size_t start = pos;
        v = ReadDigits(text, &pos, 6);
        if (v) {
          uint32_t micro = *v;
          for (size_t n = pos - start; n < 6; ++n) micro *= 10;
          t.microsecond = micro;
        }
        break;
      }
      case 'M':
      case 'b':
        v = ReadName(text, &pos, kMonthNames, spec == 'b');
        if (v) t.month = *v + 1;
        break;
      case 'W':
      case 'a':
        v = ReadName(text, &pos, kDayNames, spec == 'a');  // checked by nothing: as MySQL
        break;
      case 'p':
        if (text.size() - pos >= 2) {
          std::string ampm = {static_cast<char>(std::toupper(text[pos])),
                              static_cast<char>(std::toupper(text[pos + 1]))};
          if (ampm == "AM" || ampm == "PM") v = 0, pm = ampm == "PM", pos += 2;
        }
        break;
      case 'T': {
        std::optional<DateTime> time = ParseWithFormat(text.substr(pos), "%H:%i:%s");
        if (!time) return std::nullopt;
        // %T consumes hh:mm:ss; find how far by re-reading the digits.
        for (int part = 0; part < 3; ++part) {
          if (part > 0) ++pos;
          ReadDigits(text, &pos, 2);
        }
        t.hour = time->hour, t.minute = time->minute, t.second = time->second;
        v = 0;
        break;
      }
      case '%':
        if (pos < text.size() && text[pos] == '%') v = 0, ++pos;
        break;
      default:
        return std::nullopt;
    }
    if (!v) return std::nullopt;
  }
  if (twelve_hour) {
    if (t.hour < 1 || t.hour > 12) return std::nullopt;
    t.hour = t.hour % 12 + (pm ? 12 : 0);
  }
  if (t.year > 9999 || t.month > 12 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
      t.second > 59) {
    return std::nullopt;
  }
  return t;
}

/// Which parts a format names: bit 1 date parts, bit 2 time parts.
int FormatParts(const std::string& format) {
  int parts = 0;
  for (size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] != '%') continue;
    char c = format[++i];
    if (std::string_view("YymcdeMbjDWaw").find(c) != std::string_view::npos) parts |= 1;
    if (std::string_view("HkhIlisSfpTr").find(c) != std::string_view::npos) parts |= 2;
  }
  return parts;
}

ColumnType StrToDateResult(const std::vector<ExpressionPtr>& args) {
  if (args[1]->kind() == ExpressionKind::kLiteral) {
    const Value& v = static_cast<const LiteralExpression&>(*args[1]).value();
    int parts = FormatParts(AsString(v));
    bool fraction = AsString(v).find("%f") != std::string::npos;
    uint8_t fsp = fraction ? static_cast<uint8_t>(kMaxFsp) : 0;
    if (parts == 1) return MakeType(TypeId::kDate);
    if (parts == 2) return MakeType(TypeId::kTime, 0, fsp);
    return MakeType(TypeId::kDateTime, 0, fsp);
  }
  return MakeType(TypeId::kDateTime, 0, kMaxFsp);
}

Result<Value> StrToDate(const FunctionCall& call) {
  Result<Value> text = call.Arg(0);
  if (!text.ok()) return text;
  Result<Value> format = call.Arg(1);
  if (!format.ok()) return format;
  std::string pattern = AsString(*format);
  if (HasWeekSpecifier(pattern)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "week specifiers in STR_TO_DATE");
  }
  std::optional<DateTime> t = ParseWithFormat(AsString(*text), pattern);
  if (!t) return Value::Null();
  TypeId id = call.result_type().id;
  return Value::String(FormatTemporal(*t, id, kMaxFsp));
}

constexpr FunctionDef kDateFormatFunctions[] = {
    {"DATE_FORMAT", 2, 2, true, Nullability::kAlways, FirstStringResult, DateFormat},
    {"STR_TO_DATE", 2, 2, true, Nullability::kAlways, StrToDateResult, StrToDate},
};

}  // namespace

std::string FormatDate(const DateTime& t, const std::string& format) {
  std::string out;
  bool valid_day = t.month != 0 && t.day != 0;
  int64_t day_number = valid_day ? DayNumber(t.year, t.month, t.day) : 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out += format[i];
      continue;
    }
    char c = format[++i];
    uint32_t hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    switch (c) {
      case 'Y':
        out += Pad(t.year, 4);
        break;
      case 'y':
        out += Pad(t.year % 100, 2);
        break;
      case 'm':
        out += Pad(t.month, 2);
        break;
      case 'c':
        out += std::to_string(t.month);
        break;
      case 'd':
        out += Pad(t.day, 2);
        break;
      case 'e':
        out += std::to_string(t.day);
        break;
      case 'D':
        out += Ordinal(t.day);
        break;
      case 'j':
        out +=
            Pad(valid_day ? static_cast<uint32_t>(day_number - DayNumber(t.year, 1, 1) + 1) : 0, 3);
        break;
      case 'M':
        out += t.month >= 1 ? kMonthNames[t.month - 1] : "";
        break;
      case 'b':
        out += t.month >= 1 ? std::string(kMonthNames[t.month - 1]).substr(0, 3) : "";
        break;
      case 'W':
        out += valid_day ? kDayNames[Weekday(day_number)] : "";
        break;
      case 'a':
        out += valid_day ? std::string(kDayNames[Weekday(day_number)]).substr(0, 3) : "";
        break;
      case 'w':
        out += valid_day ? std::to_string((Weekday(day_number) + 1) % 7) : "";
        break;
      case 'H':
        out += Pad(t.hour, 2);
        break;
      case 'k':
        out += std::to_string(t.hour);
        break;
      case 'h':
      case 'I':
        out += Pad(hour12, 2);
        break;
      case 'l':
        out += std::to_string(hour12);
        break;
      case 'i':
        out += Pad(t.minute, 2);
        break;
      case 's':
      case 'S':
        out += Pad(t.second, 2);
        break;
      case 'f':
        out += Pad(t.microsecond, 6);
        break;
      case 'p':
        out += t.hour % 24 < 12 ? "AM" : "PM";
        break;
      case 'T':
        out += Pad(t.hour, 2) + ":" + Pad(t.minute, 2) + ":" + Pad(t.second, 2);
        break;
      case 'r':
        out += Pad(hour12, 2) + ":" + Pad(t.minute, 2) + ":" + Pad(t.second, 2) +
               (t.hour % 24 < 12 ? " AM" : " PM");
        break;
      default:
        out += c;
        break;
    }
  }
  return out;
}

std::span<const FunctionDef> DateFormatFunctions() {
  return kDateFormatFunctions;
}

}  // namespace minisql::sql
