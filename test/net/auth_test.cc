// auth_test.cc — mysql_native_password: hashes and scramble verification.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "net/mysql/native_password.h"

namespace minisql::net {
namespace {

Scramble FixedScramble() {
  Scramble s;
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<uint8_t>('A' + i);
  return s;
}

// MariaDB 10.11: SELECT PASSWORD('secret')
constexpr const char* kSecretHash = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7";

// What the mysql client (libmariadb 3.3.20) sent for password "secret" and scramble
// "ABCDEFGHIJKLMNOPQRST" (captured; see handshake_test.cc).
const std::string kClientToken(
    "\x28\x44\x15\x90\x67\x42\x85\xe7\xd0\x3c\xae\x7a\xf2\x37\x50\x47\x97\xf7\x0e\x91", 20);

TEST(NativePasswordTest, HashMatchesMariaDbPasswordFunction) {
  EXPECT_EQ(NativePasswordHash("secret"), kSecretHash);
  EXPECT_EQ(NativePasswordHash(""), "");
}

TEST(NativePasswordTest, TokenMatchesRealClient) {
  EXPECT_EQ(NativePasswordToken("secret", FixedScramble()), kClientToken);
}

TEST(NativePasswordTest, AcceptsTheRightPassword) {
  EXPECT_TRUE(VerifyNativePassword(kSecretHash, FixedScramble(), kClientToken));
  // Lower-case hex in the stored hash is accepted too.
  EXPECT_TRUE(VerifyNativePassword("*14e65567abdb5135d0cfd9a70b3032c179a49ee7", FixedScramble(),
                                   kClientToken));
}

TEST(NativePasswordTest, RejectsWrongPasswordAndWrongScramble) {
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, FixedScramble(),
                                    NativePasswordToken("Secret", FixedScramble())));
  Scramble other = FixedScramble();
  other[0] = 'Z';
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, other, kClientToken));
  std::string flipped = kClientToken;
  flipped[19] ^= 1;
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, FixedScramble(), flipped));
}

TEST(NativePasswordTest, EmptyPasswordRules) {
  // No password stored: only an empty response is accepted.
  EXPECT_TRUE(VerifyNativePassword("", FixedScramble(), ""));
  EXPECT_FALSE(VerifyNativePassword("", FixedScramble(), kClientToken));
  // A password stored: an empty response is refused.
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, FixedScramble(), ""));
}

TEST(NativePasswordTest, MalformedInputIsRefusedNotCrashing) {
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, FixedScramble(), kClientToken.substr(0, 19)));
  EXPECT_FALSE(VerifyNativePassword(kSecretHash, FixedScramble(), kClientToken + "x"));
  EXPECT_FALSE(VerifyNativePassword("*14E6", FixedScramble(), kClientToken));
  EXPECT_FALSE(VerifyNativePassword("x14E65567ABDB5135D0CFD9A70B3032C179A49EE7", FixedScramble(),
                                    kClientToken));
  EXPECT_FALSE(VerifyNativePassword("*G4E65567ABDB5135D0CFD9A70B3032C179A49EE7", FixedScramble(),
                                    kClientToken));
}

TEST(NativePasswordTest, ScramblesArePrintableAndFresh) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    Scramble s = GenerateScramble();
    for (uint8_t b : s) {
      EXPECT_GE(b, 0x21);
      EXPECT_LE(b, 0x7e);
    }
    seen.insert(std::string(s.begin(), s.end()));
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace minisql::net
