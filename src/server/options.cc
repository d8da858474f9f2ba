// options.cc — see options.h for the accepted flags.
#include "server/options.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace minisql {

namespace {

Status BadOption(const std::string& message) {
  return Status::WithMessage(ErrorCode::kUnknownError, message);
}

Result<uint64_t> ParseInteger(const std::string& flag, const std::string& text, uint64_t max,
                              bool allow_suffix) {
  bool digits_only = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  Result<uint64_t> value = ParseSize(text);
  if (!value.ok() || (!allow_suffix && !digits_only)) {
    return BadOption("invalid value '" + text + "' for --" + flag);
  }
  if (*value > max) {
    return BadOption("value " + text + " for --" + flag + " is out of range (max " +
                     std::to_string(max) + ")");
  }
  return value;
}

}  // namespace

Result<uint64_t> ParseSize(const std::string& text) {
  Status bad = BadOption("invalid size '" + text + "'");
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return bad;
  size_t digits = 0;
  uint64_t value = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    uint64_t digit = static_cast<uint64_t>(text[digits] - '0');
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10) return bad;
    value = value * 10 + digit;
    ++digits;
  }
  std::string suffix = text.substr(digits);
  unsigned shift = 0;
  if (suffix == "K" || suffix == "k") {
    shift = 10;
  } else if (suffix == "M" || suffix == "m") {
    shift = 20;
  } else if (suffix == "G" || suffix == "g") {
    shift = 30;
  } else if (!suffix.empty()) {
    return bad;
  }
  if (shift != 0 && value > (std::numeric_limits<uint64_t>::max() >> shift)) return bad;
  return value << shift;
}

Result<CommandLine> ParseCommandLine(const std::vector<std::string>& args) {
  CommandLine result;
  ServerOptions& o = result.options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) return BadOption("unexpected argument '" + arg + "'");
    std::string name = arg.substr(2);
    std::string value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    std::replace(name.begin(), name.end(), '_', '-');
    if (name == "help" || name == "version") {
      if (has_value) return BadOption("--" + name + " takes no value");
      (name == "help" ? result.show_help : result.show_version) = true;
      continue;
    }
    // Switches: "--skip-ssl", "--require-secure-transport[=ON|OFF|1|0]", "--trace-protocol".
    if (name == "skip-ssl" || name == "require-secure-transport" || name == "trace-protocol") {
      bool on = true;
      if (has_value) {
        std::string v = value;
        std::transform(v.begin(), v.end(), v.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (v == "off" || v == "0" || v == "false") {
          on = false;
        } else if (v != "on" && v != "1" && v != "true") {
          return BadOption("invalid value '" + value + "' for --" + name);
        }
      }
      (name == "skip-ssl"         ? o.skip_ssl
       : name == "trace-protocol" ? o.trace_protocol
                                  : o.require_secure_transport) = on;
      continue;
    }
    // Every other flag needs a value: "--flag=value" or "--flag value".
    auto take_value = [&]() -> Status {
      if (has_value) return Status::OK();
      if (i + 1 >= args.size()) return BadOption("option '--" + name + "' requires a value");
      value = args[++i];
      return Status::OK();
    };
    auto number = [&](uint64_t max, bool suffix) -> Result<uint64_t> {
      MINISQL_RETURN_IF_ERROR(take_value());
      return ParseInteger(name, value, max, suffix);
    };
    if (name == "ssl-cert" || name == "ssl-key" || name == "ssl-ca") {
      MINISQL_RETURN_IF_ERROR(take_value());
      if (value.empty()) return BadOption("--" + name + " must not be empty");
      (name == "ssl-cert" ? o.ssl_cert : name == "ssl-key" ? o.ssl_key : o.ssl_ca) = value;
      continue;
    }
    if (name == "datadir" || name == "bind-address" || name == "socket") {
      MINISQL_RETURN_IF_ERROR(take_value());
      if (name != "socket" && value.empty()) return BadOption("--" + name + " must not be empty");
      (name == "datadir" ? o.datadir : name == "bind-address" ? o.bind_address : o.socket) = value;
      continue;
    }
    Result<uint64_t> n = Status::OK();
    if (name == "port" || name == "text-port") {
      n = number(65535, false);
      if (!n.ok()) return n.status();
      (name == "port" ? o.port : o.text_port) = static_cast<uint16_t>(*n);
    } else if (name == "buffer-pool-size") {
      n = number(std::numeric_limits<uint64_t>::max(), true);
      if (!n.ok()) return n.status();
      if (*n < (1u << 20)) return BadOption("--buffer-pool-size must be at least 1M");
      o.buffer_pool_size = *n;
    } else if (name == "max-connections") {
      n = number(100000, false);
      if (!n.ok()) return n.status();
      if (*n == 0) return BadOption("--max-connections must be at least 1");
      o.max_connections = static_cast<uint32_t>(*n);
    } else if (name == "max-allowed-packet") {
      n = number(1u << 30, true);
      if (!n.ok()) return n.status();
      if (*n < 1024) return BadOption("--max-allowed-packet must be at least 1K");
      o.max_allowed_packet = static_cast<uint32_t>(*n);
    } else if (name == "connect-timeout") {
      n = number(31536000, false);
      if (!n.ok()) return n.status();
      o.connect_timeout = static_cast<uint32_t>(*n);
    } else if (name == "worker-threads") {
      n = number(1024, false);
      if (!n.ok()) return n.status();
      o.worker_threads = static_cast<uint32_t>(*n);
    } else {
      return BadOption("unknown option '--" + name + "'");
    }
  }
  return result;
}

std::string UsageText() {
  ServerOptions d;
  return "Usage: minisqld [OPTIONS]\n"
         "  --datadir=DIR              data directory (default " +
         d.datadir +
         ")\n"
         "  --port=N                   MySQL protocol TCP port, 0 = any free port (default " +
         std::to_string(d.port) +
         ")\n"
         "  --bind-address=ADDR        address of the MySQL protocol port (default " +
         d.bind_address +
         ")\n"
         "  --socket=PATH              also serve the MySQL protocol on a Unix socket\n"
         "  --text-port=N              text protocol port on 127.0.0.1, 0 = any (default " +
         std::to_string(d.text_port) +
         ")\n"
         "  --buffer-pool-size=N[KMG]  page cache size (default 128M)\n"
         "  --max-connections=N        (default " +
         std::to_string(d.max_connections) +
         ")\n"
         "  --max-allowed-packet=N[KMG] largest packet accepted (default 64M)\n"
         "  --worker-threads=N         statement threads, 0 = one per core (default 0)\n"
         "  --connect-timeout=N        seconds to finish logging in, 0 = none (default 10)\n"
         "  --ssl-cert=FILE            TLS certificate (PEM); default: generated in datadir\n"
         "  --ssl-key=FILE             its private key (PEM)\n"
         "  --ssl-ca=FILE              CA certificate(s) (PEM)\n"
         "  --skip-ssl                 no TLS (CLIENT_SSL is not announced)\n"
         "  --trace-protocol           log every MySQL packet, decoded (SET trace_protocol)\n"
         "  --require-secure-transport refuse logins over plain TCP (3159)\n"
         "  --help                     print this text\n"
         "  --version                  print the version\n";
}

std::string VersionText() {
  return std::string("minisqld  Ver 0.1.0 for Linux (minisql server, protocol ") + kServerVersion +
         ")\n";
}

}  // namespace minisql
