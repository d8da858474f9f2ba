// account_passwords.cc — see account_passwords.h for the stored formats.
#include "session/account_passwords.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <random>

namespace minisql {

namespace {

constexpr std::string_view kSha2Prefix = "$minisql-sha256$";
constexpr int kSha2Rounds = 5000;
constexpr size_t kSaltBytes = 16;

std::string Hex(std::string_view bytes, const char* digits) {
  std::string out;
  for (char c : bytes) {
    out.push_back(digits[static_cast<uint8_t>(c) >> 4]);
    out.push_back(digits[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

bool Unhex(std::string_view hex, std::string* out) {
  if (hex.size() % 2 != 0) return false;
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]);
    int lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

std::string Sha1(std::string_view data) {
  std::string digest(20, '\0');
  EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(digest.data()), nullptr,
             EVP_sha1(), nullptr);
  return digest;
}

std::string Pbkdf2(std::string_view password, std::string_view salt, int rounds) {
  std::string key(32, '\0');
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()),
                    static_cast<int>(salt.size()), rounds, EVP_sha256(), 32,
                    reinterpret_cast<unsigned char*>(key.data()));
  return key;
}

std::string NewSalt() {
  std::string salt(kSaltBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(kSaltBytes)) !=
      1) {
    std::random_device device;  // only if the OS has no entropy source for OpenSSL
    for (char& c : salt) c = static_cast<char>(device());
  }
  return salt;
}

}  // namespace

Result<std::string> HashPassword(std::string_view plugin, std::string_view password) {
  if (plugin == kNativePasswordPluginName) {
    if (password.empty()) return std::string();
    return "*" + Hex(Sha1(Sha1(password)), "0123456789ABCDEF");
  }
  if (plugin == kCachingSha2PluginName) {
    if (password.empty()) return std::string();
    std::string salt = NewSalt();
    return std::string(kSha2Prefix) + std::to_string(kSha2Rounds) + "$" +
           Hex(salt, "0123456789abcdef") + "$" +
           Hex(Pbkdf2(password, salt, kSha2Rounds), "0123456789abcdef");
  }
  return Status::Error(ErrorCode::kPluginIsNotLoaded, std::string(plugin));
}

bool VerifyCachingSha2Password(std::string_view auth_string, std::string_view password) {
  if (auth_string.empty()) return password.empty();
  if (auth_string.substr(0, kSha2Prefix.size()) != kSha2Prefix) return false;
  std::string_view rest = auth_string.substr(kSha2Prefix.size());
  size_t rounds_end = rest.find('$');
  if (rounds_end == std::string_view::npos || rounds_end == 0 || rounds_end > 7) return false;
  int rounds = 0;
  for (char c : rest.substr(0, rounds_end)) {
    if (c < '0' || c > '9') return false;
    rounds = rounds * 10 + (c - '0');
  }
  if (rounds < 1) return false;
  rest = rest.substr(rounds_end + 1);
  size_t salt_end = rest.find('$');
  std::string salt;
  std::string key;
  if (salt_end == std::string_view::npos || !Unhex(rest.substr(0, salt_end), &salt) ||
      !Unhex(rest.substr(salt_end + 1), &key) || key.size() != 32) {
    return false;
  }
  std::string derived = Pbkdf2(password, salt, rounds);
  uint8_t diff = 0;
  for (size_t i = 0; i < key.size(); ++i) diff |= static_cast<uint8_t>(derived[i] ^ key[i]);
  return diff == 0;
}

}  // namespace minisql
