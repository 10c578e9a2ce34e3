#include "verify/key_cache.h"

namespace gatehouse::verify {
namespace {

Error CacheError(std::string_view code, std::string message) {
  return {ErrorKind::kUnauthenticated, std::string(code), std::move(message)};
}

std::string Clip(std::string_view s) {
  std::string out(s.substr(0, 64));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return out;
}

enum class Match { kFound, kOtherAlgorithm, kNone };

// Looks `kid` up in one JWKS snapshot.
Match Lookup(const jose::Jwks& jwks, std::string_view kid, crypto::JwsAlgorithm alg,
             const crypto::VerifyKey** out) {
  if (kid.empty()) {
    // No kid: only a single-key JWKS leaves no choice to the token (RFC 7515 §4.1.4 makes kid
    // optional; guessing among several keys would let the token pick).
    if (jwks.keys.size() != 1) return Match::kNone;
    *out = &jwks.keys.front().key;
    return (*out)->algorithm() == alg ? Match::kFound : Match::kOtherAlgorithm;
  }
  Match result = Match::kNone;
  for (const auto& jwk : jwks.keys) {
    if (jwk.kid != kid) continue;
    if (jwk.key.algorithm() == alg) {
      *out = &jwk.key;
      return Match::kFound;
    }
    result = Match::kOtherAlgorithm;
  }
  return result;
}

}  // namespace

KeyCache::KeyCache(KeyCacheSettings settings) : settings_(std::move(settings)) {}

Result<void> KeyCache::Refresh() {
  std::lock_guard lock(fetch_mutex_);
  return FetchLocked();
}

Result<void> KeyCache::FetchLocked() {
  attempted_ = true;
  last_attempt_ = settings_.now();
  auto text = settings_.fetch();
  if (!text) {
    last_error_ = text.error().message;
    return Fail(CacheError(kJwksUnavailable, "cannot load JWKS: " + last_error_));
  }
  auto jwks = jose::ParseJwks(*text);
  if (!jwks) {
    last_error_ = jwks.error().message;
    return Fail(CacheError(kJwksUnavailable, "cannot load JWKS: " + last_error_));
  }
  last_error_.clear();
  current_.store(std::make_shared<const Snapshot>(Snapshot{std::move(*jwks), last_attempt_}));
  return Ok();
}

bool KeyCache::CooledDownLocked() const {
  return !attempted_ || settings_.now() - last_attempt_ >= settings_.cooldown;
}

Result<crypto::VerifyKey> KeyCache::Find(std::string_view kid, crypto::JwsAlgorithm alg) {
  std::shared_ptr<const Snapshot> snap = current_.load();
  if (!snap) {
    std::lock_guard lock(fetch_mutex_);
    snap = current_.load();
    if (!snap && CooledDownLocked()) {
      (void)FetchLocked();
      snap = current_.load();
    }
    if (!snap) {
      return Fail(CacheError(kJwksUnavailable, "cannot load JWKS: " + last_error_));
    }
  } else if (settings_.now() - snap->fetched_at >= settings_.max_age) {
    // Stale: one caller refreshes, the others go on with the old keys meanwhile; if the
    // refresh fails the old keys stay (an identity server restart must not stop every API).
    std::unique_lock lock(fetch_mutex_, std::try_to_lock);
    if (lock.owns_lock() && current_.load() == snap && CooledDownLocked()) {
      (void)FetchLocked();
      snap = current_.load();
    }
  }

  const crypto::VerifyKey* key = nullptr;
  Match match = Lookup(snap->jwks, kid, alg, &key);
  if (match == Match::kNone && !kid.empty()) {
    // Unknown kid: maybe a key rotated in since the last fetch (RFC 7517 §5 sets change).
    std::lock_guard lock(fetch_mutex_);
    if (current_.load() == snap && CooledDownLocked()) (void)FetchLocked();
    snap = current_.load();
    match = Lookup(snap->jwks, kid, alg, &key);
  }
  switch (match) {
    case Match::kFound:
      return *key;
    case Match::kOtherAlgorithm:
      return Fail(CacheError(kAlgorithmMismatch, "alg " + std::string(crypto::AlgorithmName(alg)) +
                                                     " is not the algorithm of the key it names"));
    case Match::kNone:
      break;
  }
  if (kid.empty()) {
    return Fail(CacheError(kUnknownKey, "token has no kid and the JWKS has " +
                                            std::to_string(snap->jwks.keys.size()) + " keys"));
  }
  return Fail(CacheError(kUnknownKey, "no JWKS key has kid \"" + Clip(kid) + "\""));
}

}  // namespace gatehouse::verify
