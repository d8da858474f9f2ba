// native_password.cc — see native_password.h for the scheme.
#include "net/mysql/native_password.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstring>
#include <random>

namespace minisql::net {

namespace {

using Digest = std::array<uint8_t, SHA_DIGEST_LENGTH>;

Digest Sha1(std::string_view a, std::string_view b = {}) {
  // EVP is OpenSSL 3's non-deprecated digest API; SHA-1 cannot fail on valid input.
  Digest digest{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return digest;
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  EVP_DigestUpdate(ctx, a.data(), a.size());
  EVP_DigestUpdate(ctx, b.data(), b.size());
  EVP_DigestFinal_ex(ctx, digest.data(), nullptr);
  EVP_MD_CTX_free(ctx);
  return digest;
}

std::string_view AsView(const uint8_t* bytes, size_t n) {
  return std::string_view(reinterpret_cast<const char*>(bytes), n);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Scramble GenerateScramble() {
  Scramble scramble;
  if (RAND_bytes(scramble.data(), static_cast<int>(scramble.size())) != 1) {
    // RAND_bytes only fails when the OS has no entropy source at all; fall back to
    // the (worse but still unpredictable per process) std::random_device.
    std::random_device device;
    for (uint8_t& b : scramble) b = static_cast<uint8_t>(device());
  }
  // Map into the printable range 0x21..0x7e (no NUL, no space), as MySQL does.
  for (uint8_t& b : scramble) b = static_cast<uint8_t>(0x21 + b % 94);
  return scramble;
}

bool VerifyNativePassword(std::string_view auth_string, const Scramble& scramble,
                          std::string_view token) {
  if (auth_string.empty()) return token.empty();
  if (token.size() != SHA_DIGEST_LENGTH) return false;
  if (auth_string.size() != 1 + 2 * SHA_DIGEST_LENGTH || auth_string[0] != '*') return false;
  Digest stage2;
  for (size_t i = 0; i < stage2.size(); ++i) {
    int hi = HexDigit(auth_string[1 + 2 * i]);
    int lo = HexDigit(auth_string[2 + 2 * i]);
    if (hi < 0 || lo < 0) return false;
    stage2[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  Digest mask =
      Sha1(AsView(scramble.data(), scramble.size()), AsView(stage2.data(), stage2.size()));
  Digest candidate;
  for (size_t i = 0; i < candidate.size(); ++i) {
    candidate[i] = static_cast<uint8_t>(token[i]) ^ mask[i];
  }
  Digest check = Sha1(AsView(candidate.data(), candidate.size()));
  // Constant-time comparison: do not leak how many bytes matched.
  uint8_t diff = 0;
  for (size_t i = 0; i < check.size(); ++i) diff |= check[i] ^ stage2[i];
  return diff == 0;
}

std::string NativePasswordHash(std::string_view password) {
  if (password.empty()) return "";
  Digest stage1 = Sha1(password);
  Digest stage2 = Sha1(AsView(stage1.data(), stage1.size()));
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hash = "*";
  for (uint8_t b : stage2) {
    hash.push_back(kHex[b >> 4]);
    hash.push_back(kHex[b & 15]);
  }
  return hash;
}

std::string NativePasswordToken(std::string_view password, const Scramble& scramble) {
  if (password.empty()) return "";
  Digest stage1 = Sha1(password);
  Digest stage2 = Sha1(AsView(stage1.data(), stage1.size()));
  Digest mask =
      Sha1(AsView(scramble.data(), scramble.size()), AsView(stage2.data(), stage2.size()));
  std::string token(SHA_DIGEST_LENGTH, '\0');
  for (size_t i = 0; i < token.size(); ++i) token[i] = static_cast<char>(stage1[i] ^ mask[i]);
  return token;
}

}  // namespace minisql::net
