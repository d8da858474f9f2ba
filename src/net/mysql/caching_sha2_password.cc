// caching_sha2_password.cc — see caching_sha2_password.h for the scheme and the format.
#include "net/mysql/caching_sha2_password.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace minisql::net {

namespace {

Sha256Digest Sha256(std::string_view a, std::string_view b = {}) {
  Sha256Digest digest{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return digest;
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx, a.data(), a.size());
  EVP_DigestUpdate(ctx, b.data(), b.size());
  EVP_DigestFinal_ex(ctx, digest.data(), nullptr);
  EVP_MD_CTX_free(ctx);
  return digest;
}

std::string_view View(const uint8_t* bytes, size_t n) {
  return std::string_view(reinterpret_cast<const char*>(bytes), n);
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<uint8_t>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Sha256Digest CachingSha2Stage2(std::string_view password) {
  Sha256Digest stage1 = Sha256(password);
  return Sha256(View(stage1.data(), stage1.size()));
}

bool VerifyCachingSha2Scramble(const Sha256Digest& stage2, const Scramble& scramble,
                               std::string_view token) {
  if (token.size() != stage2.size()) return false;
  Sha256Digest mask = Sha256(View(stage2.data(), stage2.size()), View(scramble.data(), 20));
  std::string candidate(32, '\0');
  for (size_t i = 0; i < 32; ++i) candidate[i] = static_cast<char>(token[i] ^ mask[i]);
  Sha256Digest check = Sha256(candidate);
  return ConstantTimeEqual(View(check.data(), 32), View(stage2.data(), 32));
}

std::string CachingSha2Token(std::string_view password, const Scramble& scramble) {
  if (password.empty()) return "";
  Sha256Digest stage1 = Sha256(password);
  Sha256Digest stage2 = Sha256(View(stage1.data(), 32));
  Sha256Digest mask = Sha256(View(stage2.data(), 32), View(scramble.data(), 20));
  std::string token(32, '\0');
  for (size_t i = 0; i < 32; ++i) token[i] = static_cast<char>(stage1[i] ^ mask[i]);
  return token;
}

// --- Cache -------------------------------------------------------------------------------

void CachingSha2Cache::Put(const std::string& account, const std::string& auth_string,
                           const Sha256Digest& stage2) {
  std::lock_guard lock(mutex_);
  entries_[account] = Entry{auth_string, stage2};
}

bool CachingSha2Cache::Lookup(const std::string& account, const std::string& auth_string,
                              Sha256Digest* stage2) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(account);
  if (it == entries_.end() || it->second.auth_string != auth_string) return false;
  *stage2 = it->second.stage2;
  return true;
}

// --- RSA ---------------------------------------------------------------------------------

RsaKeyPair::~RsaKeyPair() {
  EVP_PKEY_free(static_cast<EVP_PKEY*>(key_));
}

Result<std::unique_ptr<RsaKeyPair>> RsaKeyPair::Load(const std::string& private_key_file,
                                                     const std::string& public_key_file) {
  auto fail = [](const std::string& what) {
    return Status::WithMessage(ErrorCode::kUnknownError, "caching_sha2_password: " + what);
  };
  FILE* file = std::fopen(private_key_file.c_str(), "r");
  if (file == nullptr) return fail("cannot open " + private_key_file);
  EVP_PKEY* key = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  if (key == nullptr) return fail("cannot read RSA key " + private_key_file);
  std::ifstream in(public_key_file);
  std::stringstream pem;
  pem << in.rdbuf();
  if (!in || pem.str().find("BEGIN PUBLIC KEY") == std::string::npos) {
    EVP_PKEY_free(key);
    return fail("cannot read public key " + public_key_file);
  }
  return std::unique_ptr<RsaKeyPair>(new RsaKeyPair(key, pem.str()));
}

namespace {

Result<std::string> RsaOaep(EVP_PKEY* key, std::string_view input, bool decrypt) {
  Status bad = Status::WithMessage(ErrorCode::kUnknownError, "RSA operation failed");
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
  if (ctx == nullptr) return bad;
  auto in = reinterpret_cast<const unsigned char*>(input.data());
  size_t out_length = 0;
  std::string out;
  bool ok = (decrypt ? EVP_PKEY_decrypt_init(ctx) : EVP_PKEY_encrypt_init(ctx)) == 1 &&
            EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) == 1;
  ok = ok && (decrypt ? EVP_PKEY_decrypt(ctx, nullptr, &out_length, in, input.size())
                      : EVP_PKEY_encrypt(ctx, nullptr, &out_length, in, input.size())) == 1;
  if (ok) {
    out.resize(out_length);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    ok = (decrypt ? EVP_PKEY_decrypt(ctx, o, &out_length, in, input.size())
                  : EVP_PKEY_encrypt(ctx, o, &out_length, in, input.size())) == 1;
    out.resize(out_length);
  }
  EVP_PKEY_CTX_free(ctx);
  if (!ok) return bad;
  return out;
}

}  // namespace

Result<std::string> RsaKeyPair::Decrypt(std::string_view ciphertext) const {
  return RsaOaep(static_cast<EVP_PKEY*>(key_), ciphertext, /*decrypt=*/true);
}

Result<std::string> RsaKeyPair::Encrypt(std::string_view plaintext) const {
  return RsaOaep(static_cast<EVP_PKEY*>(key_), plaintext, /*decrypt=*/false);
}

}  // namespace minisql::net
