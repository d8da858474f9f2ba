// caching_sha2_password.h — MySQL 8's default authentication method, server side.
//
// Stored in the account (UserRecord.auth_string): minisql's own salted, deliberately
// slow format (session/account_passwords.h). Because checking it is slow, the server also keeps, in
// memory only, SHA256(SHA256(password)) of every account that logged in successfully ("the cache"),
// which makes later logins one cheap challenge-response:
//
//   fast path  client token = SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) ++ scramble)
//              server: stage2 from the cache; candidate = token XOR SHA256(stage2 ++ scramble);
//              accept if SHA256(candidate) == stage2. Reply: AuthMoreData 0x03, then OK.
//
//   full path  (no cache entry, or the token did not match) AuthMoreData 0x04
//              "perform full authentication"; the client then sends the password itself:
//              - over TLS or a Unix socket: password + NUL in clear (the channel is safe);
//              - over plain TCP: it asks for our RSA public key (one byte 0x02), we send
//                AuthMoreData + PEM, and it sends RSA-OAEP(password + NUL XOR scramble).
//              The server checks the password against the stored string, then caches it.
//
// Cache entries remember the auth_string they were made for, so ALTER USER / SET
// PASSWORD / DROP USER + CREATE USER invalidate them without any hook.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"
#include "net/mysql/native_password.h"

namespace minisql::net {

inline constexpr const char* kCachingSha2Plugin = "caching_sha2_password";
inline constexpr uint8_t kAuthMoreData = 0x01;
inline constexpr uint8_t kRequestPublicKey = 0x02;
inline constexpr uint8_t kFastAuthSuccess = 0x03;
inline constexpr uint8_t kPerformFullAuthentication = 0x04;

using Sha256Digest = std::array<uint8_t, 32>;

/// SHA256(SHA256(password)): what the cache keeps.
Sha256Digest CachingSha2Stage2(std::string_view password);
/// True if `token` is the fast-path answer for `stage2` and `scramble`.
bool VerifyCachingSha2Scramble(const Sha256Digest& stage2, const Scramble& scramble,
                               std::string_view token);
/// The fast-path token a client computes (for tests and tools).
std::string CachingSha2Token(std::string_view password, const Scramble& scramble);

/// In-memory cache of successful logins: account "user@host" -> stage2. Thread-safe.
class CachingSha2Cache {
 public:
  void Put(const std::string& account, const std::string& auth_string, const Sha256Digest& stage2);
  /// The stage2 cached for `account`, if it was cached for this same auth_string.
  bool Lookup(const std::string& account, const std::string& auth_string,
              Sha256Digest* stage2) const;

 private:
  struct Entry {
    std::string auth_string;
    Sha256Digest stage2;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

/// The RSA key pair of the plain-TCP full path (private_key.pem / public_key.pem).
class RsaKeyPair {
 public:
  ~RsaKeyPair();
  RsaKeyPair(const RsaKeyPair&) = delete;
  RsaKeyPair& operator=(const RsaKeyPair&) = delete;

  static Result<std::unique_ptr<RsaKeyPair>> Load(const std::string& private_key_file,
                                                  const std::string& public_key_file);
  /// "-----BEGIN PUBLIC KEY----- ..." as sent to clients.
  const std::string& public_pem() const { return public_pem_; }
  /// RSA-OAEP (SHA-1, as the clients use) decryption; error on garbage.
  Result<std::string> Decrypt(std::string_view ciphertext) const;
  /// RSA-OAEP encryption with the public key (for tests).
  Result<std::string> Encrypt(std::string_view plaintext) const;

 private:
  RsaKeyPair(void* key, std::string public_pem) : key_(key), public_pem_(std::move(public_pem)) {}
  void* key_;  // EVP_PKEY*, kept opaque so this header does not pull in OpenSSL
  std::string public_pem_;
};

}  // namespace minisql::net
