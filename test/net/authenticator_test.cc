// authenticator_test.cc — the authentication exchange without sockets: every
// caching_sha2_password path (fast, full over a secure channel, full with RSA), the
// AuthSwitchRequest both ways, and denial for unknown users and wrong passwords.
#include "net/mysql/authenticator.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "net/mysql/handshake.h"
#include "net/tls/certificate_generator.h"
#include "session/account_passwords.h"

namespace minisql::net {
namespace {

using Outcome = Authenticator::Outcome;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/authenticator_test.XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    Result<RsaKeyFiles> files = EnsureRsaKeyPair(dir_);
    ASSERT_TRUE(files.ok());
    auto keys = RsaKeyPair::Load(files->private_key, files->public_key);
    ASSERT_TRUE(keys.ok());
    services_.rsa = std::move(*keys);
    sha2_ = storage::UserRecord{"alice", "%", kCachingSha2Plugin,
                                *HashPassword(kCachingSha2Plugin, "sekret")};
    native_ = storage::UserRecord{"bob", "%", "mysql_native_password",
                                  *HashPassword("mysql_native_password", "pw")};
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string dir_;
  AuthServices services_;
  storage::UserRecord sha2_;
  storage::UserRecord native_;
  Scramble scramble_ = GenerateScramble();
};

TEST_F(AuthenticatorTest, Sha2FullPathOverSecureChannelThenFastPath) {
  Authenticator first(&services_, sha2_, "alice@%", /*secure=*/true, scramble_);
  Authenticator::Step step = first.Start(kCachingSha2Plugin, CachingSha2Token("sekret", scramble_));
  EXPECT_EQ(step.outcome, Outcome::kContinue);
  EXPECT_EQ(step.reply, std::string("\x01\x04", 2));  // perform full authentication
  step = first.Continue(std::string("sekret") + '\0');
  EXPECT_EQ(step.outcome, Outcome::kGranted);

  Scramble other = GenerateScramble();
  Authenticator second(&services_, sha2_, "alice@%", /*secure=*/false, other);
  step = second.Start(kCachingSha2Plugin, CachingSha2Token("sekret", other));
  EXPECT_EQ(step.outcome, Outcome::kGranted);
  EXPECT_EQ(step.reply, std::string("\x01\x03", 2));  // fast auth success

  // A changed stored string (ALTER USER) invalidates the cache entry.
  storage::UserRecord changed = sha2_;
  changed.auth_string = *HashPassword(kCachingSha2Plugin, "sekret");
  Authenticator third(&services_, changed, "alice@%", false, other);
  EXPECT_EQ(third.Start(kCachingSha2Plugin, CachingSha2Token("sekret", other)).reply,
            std::string("\x01\x04", 2));
}

TEST_F(AuthenticatorTest, Sha2FullPathWithRsaOverPlainTcp) {
  Authenticator auth(&services_, sha2_, "alice@%", /*secure=*/false, scramble_);
  EXPECT_EQ(auth.Start(kCachingSha2Plugin, CachingSha2Token("sekret", scramble_)).outcome,
            Outcome::kContinue);
  Authenticator::Step step = auth.Continue(std::string(1, '\x02'));  // request public key
  ASSERT_EQ(step.outcome, Outcome::kContinue);
  ASSERT_EQ(step.reply[0], '\x01');
  EXPECT_EQ(step.reply.substr(1), services_.rsa->public_pem());
  std::string password = std::string("sekret") + '\0';
  for (size_t i = 0; i < password.size(); ++i) password[i] ^= scramble_[i % scramble_.size()];
  Result<std::string> encrypted = services_.rsa->Encrypt(password);
  ASSERT_TRUE(encrypted.ok());
  EXPECT_EQ(auth.Continue(*encrypted).outcome, Outcome::kGranted);
}

TEST_F(AuthenticatorTest, PlainTcpRefusesCleartextAndWrongPasswords) {
  Authenticator cleartext(&services_, sha2_, "alice@%", /*secure=*/false, scramble_);
  cleartext.Start(kCachingSha2Plugin, CachingSha2Token("sekret", scramble_));
  // Without TLS the password in the clear is not accepted (it is not RSA ciphertext).
  EXPECT_EQ(cleartext.Continue(std::string("sekret") + '\0').outcome, Outcome::kDenied);

  Authenticator wrong(&services_, sha2_, "alice@%", /*secure=*/true, scramble_);
  wrong.Start(kCachingSha2Plugin, CachingSha2Token("nope", scramble_));
  EXPECT_EQ(wrong.Continue(std::string("nope") + '\0').outcome, Outcome::kDenied);
  EXPECT_TRUE(wrong.password_used());
}

TEST_F(AuthenticatorTest, SwitchesToTheAccountsPlugin) {
  // The client started with native; the account uses caching_sha2.
  Authenticator to_sha2(&services_, sha2_, "alice@%", true, scramble_);
  Authenticator::Step step =
      to_sha2.Start("mysql_native_password", NativePasswordToken("sekret", scramble_));
  ASSERT_EQ(step.outcome, Outcome::kContinue);
  EXPECT_EQ(step.reply.substr(0, 22), std::string("\xfe") + "caching_sha2_password");
  Scramble fresh;
  std::copy_n(step.reply.begin() + 23, 20, fresh.begin());
  EXPECT_EQ(to_sha2.Continue(CachingSha2Token("sekret", fresh)).outcome, Outcome::kContinue);
  EXPECT_EQ(to_sha2.Continue(std::string("sekret") + '\0').outcome, Outcome::kGranted);

  // The client started with caching_sha2; the account uses native.
  Authenticator to_native(&services_, native_, "bob@%", false, scramble_);
  step = to_native.Start(kCachingSha2Plugin, CachingSha2Token("pw", scramble_));
  ASSERT_EQ(step.outcome, Outcome::kContinue);
  std::copy_n(step.reply.begin() + 1 + 22, 20, fresh.begin());
  EXPECT_EQ(to_native.Continue(NativePasswordToken("pw", fresh)).outcome, Outcome::kGranted);
}

TEST_F(AuthenticatorTest, UnknownUserTakesTheSamePathAndIsDenied) {
  Authenticator auth(&services_, std::nullopt, "ghost@", true, scramble_);
  Authenticator::Step step = auth.Start(kCachingSha2Plugin, CachingSha2Token("x", scramble_));
  EXPECT_EQ(step.reply, std::string("\x01\x04", 2));
  EXPECT_EQ(auth.Continue(std::string("x") + '\0').outcome, Outcome::kDenied);
}

TEST_F(AuthenticatorTest, EmptyPasswords) {
  storage::UserRecord open{"nopw", "%", kCachingSha2Plugin, ""};
  Authenticator ok(&services_, open, "nopw@%", false, scramble_);
  EXPECT_EQ(ok.Start(kCachingSha2Plugin, "").outcome, Outcome::kGranted);
  Authenticator missing(&services_, sha2_, "alice@%", false, scramble_);
  EXPECT_EQ(missing.Start(kCachingSha2Plugin, "").outcome, Outcome::kDenied);
  EXPECT_FALSE(missing.password_used());
}

TEST(AccountPasswordsTest, StoredFormats) {
  std::string hash = *HashPassword(kCachingSha2PluginName, "sekret");
  EXPECT_EQ(hash.rfind("$minisql-sha256$5000$", 0), 0u);
  EXPECT_EQ(hash.size(), std::string("$minisql-sha256$5000$").size() + 32 + 1 + 64);
  EXPECT_NE(hash, *HashPassword(kCachingSha2PluginName, "sekret"));  // fresh salt
  EXPECT_TRUE(VerifyCachingSha2Password(hash, "sekret"));
  EXPECT_FALSE(VerifyCachingSha2Password(hash, "Sekret"));
  EXPECT_FALSE(VerifyCachingSha2Password("$minisql-sha256$x$", "sekret"));
  EXPECT_FALSE(VerifyCachingSha2Password("garbage", ""));
  EXPECT_EQ(*HashPassword(kNativePasswordPluginName, "secret"),
            NativePasswordHash("secret"));  // the same as net's (and MySQL's) hash
  EXPECT_EQ(HashPassword("nosuch", "x").status().code(), 1524);
}

}  // namespace
}  // namespace minisql::net
