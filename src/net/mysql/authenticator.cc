// authenticator.cc — see authenticator.h for the exchange.
#include "net/mysql/authenticator.h"

#include "net/mysql/handshake.h"
#include "net/mysql/protocol_constants.h"
#include "session/account_passwords.h"

namespace minisql::net {

namespace {

bool IsCachingSha2(const storage::UserRecord& account) {
  return account.plugin == kCachingSha2Plugin;
}

/// Strips the NUL that terminates a password sent in full-authentication packets.
std::string_view WithoutTerminator(std::string_view password) {
  if (!password.empty() && password.back() == '\0') password.remove_suffix(1);
  return password;
}

}  // namespace

Authenticator::Authenticator(AuthServices* services, std::optional<storage::UserRecord> account,
                             std::string account_key, bool secure, const Scramble& scramble)
    : services_(services),
      account_key_(std::move(account_key)),
      secure_(secure),
      scramble_(scramble) {
  if (account.has_value()) {
    account_ = std::move(*account);
    if (account_.plugin.empty()) account_.plugin = kNativePasswordPlugin;
  } else {
    // Unknown user: a hash no password produces, with the plugin MySQL 8 would use.
    account_.plugin = kCachingSha2Plugin;
    account_.auth_string = "!";
  }
}

Authenticator::Step Authenticator::Start(std::string_view client_plugin, std::string_view token) {
  std::string_view plugin = client_plugin.empty() ? kNativePasswordPlugin : client_plugin;
  if (plugin != account_.plugin) {
    // The client hashed for another method: ask for ours, with a fresh scramble.
    scramble_ = GenerateScramble();
    state_ = State::kAwaitSwitchedToken;
    return Step{Outcome::kContinue, BuildAuthSwitchRequest(scramble_, account_.plugin)};
  }
  return CheckToken(token);
}

Authenticator::Step Authenticator::Continue(std::string_view payload) {
  switch (state_) {
    case State::kAwaitSwitchedToken:
      return CheckToken(payload);
    case State::kAwaitPassword:
      if (secure_) return CheckPassword(WithoutTerminator(payload));
      if (payload.size() == 1 && static_cast<uint8_t>(payload[0]) == kRequestPublicKey) {
        if (services_->rsa == nullptr) return Finish(false);
        state_ = State::kAwaitRsaPassword;
        return Step{Outcome::kContinue, std::string(1, static_cast<char>(kAuthMoreData)) +
                                            services_->rsa->public_pem()};
      }
      [[fallthrough]];  // a client that already had our public key
    case State::kAwaitRsaPassword: {
      if (services_->rsa == nullptr) return Finish(false);
      Result<std::string> decrypted = services_->rsa->Decrypt(payload);
      if (!decrypted.ok()) return Finish(false);
      std::string password = std::move(*decrypted);
      for (size_t i = 0; i < password.size(); ++i) {
        password[i] = static_cast<char>(password[i] ^ scramble_[i % scramble_.size()]);
      }
      return CheckPassword(WithoutTerminator(password));
    }
    case State::kIdle:
    case State::kDone:
      break;
  }
  return Finish(false);
}

Authenticator::Step Authenticator::CheckToken(std::string_view token) {
  password_used_ = !token.empty() && token != std::string_view("\0", 1);
  if (!IsCachingSha2(account_)) {
    return Finish(VerifyNativePassword(account_.auth_string, scramble_, token));
  }
  if (account_.auth_string.empty()) return Finish(!password_used_);
  if (!password_used_) return Finish(false);
  Sha256Digest stage2;
  if (services_->cache.Lookup(account_key_, account_.auth_string, &stage2) &&
      VerifyCachingSha2Scramble(stage2, scramble_, token)) {
    Step step = Finish(true);
    step.reply = std::string{static_cast<char>(kAuthMoreData), static_cast<char>(kFastAuthSuccess)};
    return step;
  }
  state_ = State::kAwaitPassword;
  return Step{Outcome::kContinue, std::string{static_cast<char>(kAuthMoreData),
                                              static_cast<char>(kPerformFullAuthentication)}};
}

Authenticator::Step Authenticator::CheckPassword(std::string_view password) {
  bool granted = VerifyCachingSha2Password(account_.auth_string, password);
  if (granted) {
    services_->cache.Put(account_key_, account_.auth_string, CachingSha2Stage2(password));
  }
  return Finish(granted);
}

Authenticator::Step Authenticator::Finish(bool granted) {
  state_ = State::kDone;
  return Step{granted ? Outcome::kGranted : Outcome::kDenied, ""};
}

}  // namespace minisql::net
