// Test helpers for the verification library: keys, a JWKS, a fake clock and a token minter that
// can write any header (attacks included). Header-only, used by *_test.cc only.
#pragma once

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/base64url.h"
#include "crypto/signing_key.h"
#include "gatehouse/verify.h"

namespace gatehouse::verify::testing {

inline constexpr int64_t kNow = 1'700'000'000;
inline constexpr char kIssuer[] = "https://id.example/oidc";

// Signs `claims` under `header` exactly as given (no policy, so any attack can be built).
inline std::string Mint(const crypto::SigningKey& key, const nlohmann::json& header,
                        const nlohmann::json& claims) {
  std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());
  return input + "." + Base64UrlEncode(*key.Sign(input));
}

// The claims of an organization token as Gatehouse issues it (PRODUCT.md §5).
inline nlohmann::json OrgClaims(const std::string& org = "org-a",
                                const std::string& scope = "remove:member read:resource") {
  return {{"iss", kIssuer},       {"sub", "alice"}, {"aud", OrganizationAudience(org)},
          {"exp", kNow + 3600},   {"iat", kNow},    {"jti", "j1"},
          {"client_id", "app-1"}, {"scope", scope}};
}

inline nlohmann::json Header(const crypto::SigningKey& key, const std::string& kid) {
  return {{"alg", crypto::AlgorithmName(key.algorithm())}, {"typ", "at+jwt"}, {"kid", kid}};
}

// A key set of one key per algorithm, kids "es256", "es384", "rs256", "ps256", "eddsa".
struct Keys {
  crypto::SigningKey es256 = *crypto::SigningKey::Generate(crypto::JwsAlgorithm::kES256);
  crypto::SigningKey es384 = *crypto::SigningKey::Generate(crypto::JwsAlgorithm::kES384);
  crypto::SigningKey rs256 = *crypto::SigningKey::Generate(crypto::JwsAlgorithm::kRS256);
  crypto::SigningKey ps256 = *crypto::SigningKey::Generate(crypto::JwsAlgorithm::kPS256);
  crypto::SigningKey eddsa = *crypto::SigningKey::Generate(crypto::JwsAlgorithm::kEdDSA);

  nlohmann::json Jwks() const {
    return {{"keys",
             {es256.PublicJwk("es256"), es384.PublicJwk("es384"), rs256.PublicJwk("rs256"),
              ps256.PublicJwk("ps256"), eddsa.PublicJwk("eddsa")}}};
  }

  // RSA keys are slow to generate: one set per test binary.
  static const Keys& Shared() {
    static const Keys* keys = new Keys();
    return *keys;
  }
};

// A clock tests move by hand, shareable with Options::now.
struct FakeNow {
  std::shared_ptr<std::atomic<int64_t>> t = std::make_shared<std::atomic<int64_t>>(kNow);
  std::function<int64_t()> Fn() const {
    return [t = t] { return t->load(); };
  }
  void Advance(int64_t seconds) { *t += seconds; }
};

}  // namespace gatehouse::verify::testing
