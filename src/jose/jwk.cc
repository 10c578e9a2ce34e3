#include "jose/jwk.h"

#include <array>
#include <optional>

#include "common/base64url.h"
#include "jose/json_strict.h"

namespace gatehouse::jose {
namespace {

using crypto::JwsAlgorithm;

Error InvalidJwk(std::string message) {
  return Error::InvalidInput(std::move(message), "jose.invalid_jwk");
}
Error InvalidJwks(std::string message) {
  return Error::InvalidInput(std::move(message), "jose.invalid_jwks");
}

// A base64url member (RFC 7518 §2 Base64urlUInt / raw bytes); nullopt when absent or invalid.
std::optional<std::string> Bytes(const nlohmann::json& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) return std::nullopt;
  return Base64UrlDecode(it->get_ref<const std::string&>());
}

std::string StringMember(const nlohmann::json& jwk, const char* name) {
  auto it = jwk.find(name);
  return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The algorithm a key of this kty/crv implies (or must match), nullopt if ambiguous.
std::optional<JwsAlgorithm> ImpliedAlgorithm(std::string_view kty, std::string_view crv) {
  if (kty == "EC" && crv == "P-256") return JwsAlgorithm::kES256;
  if (kty == "EC" && crv == "P-384") return JwsAlgorithm::kES384;
  if (kty == "OKP" && crv == "Ed25519") return JwsAlgorithm::kEdDSA;
  return std::nullopt;
}

}  // namespace

Result<Jwk> ParseJwk(const nlohmann::json& jwk) {
  if (!jwk.is_object()) return Fail(InvalidJwk("JWK is not an object"));
  static constexpr std::array<const char*, 8> kPrivate = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"};
  for (const char* name : kPrivate) {
    if (jwk.contains(name)) return Fail(InvalidJwk("JWK contains private or secret key material"));
  }
  const std::string kty = StringMember(jwk, "kty");
  const std::string crv = StringMember(jwk, "crv");
  if (kty != "EC" && kty != "RSA" && kty != "OKP") {
    return Fail(InvalidJwk("unsupported kty \"" + kty.substr(0, 16) + "\""));
  }
  if (auto it = jwk.find("use"); it != jwk.end() && *it != "sig") {
    return Fail(InvalidJwk("JWK use is not \"sig\""));
  }
  if (auto it = jwk.find("key_ops"); it != jwk.end()) {
    bool verify = false;
    if (it->is_array()) {
      for (const auto& op : *it) verify = verify || op == "verify";
    }
    if (!verify) return Fail(InvalidJwk("JWK key_ops does not allow \"verify\""));
  }
  if (jwk.contains("kid") && !jwk["kid"].is_string()) {
    return Fail(InvalidJwk("JWK kid is not a string"));
  }

  const std::optional<JwsAlgorithm> implied = ImpliedAlgorithm(kty, crv);
  std::optional<JwsAlgorithm> alg;
  if (auto it = jwk.find("alg"); it != jwk.end()) {
    if (!it->is_string()) return Fail(InvalidJwk("JWK alg is not a string"));
    alg = crypto::AlgorithmFromName(it->get_ref<const std::string&>());
    if (!alg) return Fail(InvalidJwk("JWK alg is not supported"));
    const bool fits = kty == "RSA" ? crypto::IsRsa(*alg) : implied == alg;
    if (!fits) return Fail(InvalidJwk("JWK alg does not match its kty/crv"));
  } else if (implied) {
    alg = implied;
  } else {
    return Fail(InvalidJwk(kty == "RSA" ? "RSA JWK without alg is ambiguous"
                                        : "unsupported curve \"" + crv.substr(0, 16) + "\""));
  }

  Result<crypto::VerifyKey> key = Fail(InvalidJwk("unreachable"));
  if (kty == "EC") {
    auto x = Bytes(jwk, "x");
    auto y = Bytes(jwk, "y");
    if (!x || !y) return Fail(InvalidJwk("EC JWK needs base64url x and y"));
    key = crypto::VerifyKey::FromEcPoint(*alg, *x, *y);
  } else if (kty == "RSA") {
    auto n = Bytes(jwk, "n");
    auto e = Bytes(jwk, "e");
    if (!n || !e) return Fail(InvalidJwk("RSA JWK needs base64url n and e"));
    key = crypto::VerifyKey::FromRsa(*alg, *n, *e);
  } else {
    auto x = Bytes(jwk, "x");
    if (!x) return Fail(InvalidJwk("OKP JWK needs base64url x"));
    key = crypto::VerifyKey::FromEd25519(*x);
  }
  if (!key) return Fail(InvalidJwk(key.error().message));
  return Jwk{StringMember(jwk, "kid"), std::move(*key)};
}

Result<Jwks> ParseJwks(std::string_view json_text) {
  if (json_text.size() > kMaxJwksSize) return Fail(InvalidJwks("JWKS is larger than 1 MiB"));
  auto doc = ParseStrictJsonObject(json_text, /*max_depth=*/8);
  if (!doc) return Fail(InvalidJwks("JWKS: " + doc.error().message));
  auto keys = doc->find("keys");
  if (keys == doc->end() || !keys->is_array()) {
    return Fail(InvalidJwks("JWKS has no \"keys\" array"));
  }
  if (keys->size() > kMaxJwksKeys) return Fail(InvalidJwks("JWKS has more than 100 keys"));
  Jwks out;
  for (size_t i = 0; i < keys->size(); ++i) {
    auto jwk = ParseJwk((*keys)[i]);
    const std::string label = "key " + std::to_string(i);
    if (!jwk) {
      out.skipped.push_back(label + ": " + jwk.error().message);
      continue;
    }
    bool duplicate = false;
    for (const auto& k : out.keys) {
      duplicate = duplicate || (k.kid == jwk->kid && k.key.algorithm() == jwk->key.algorithm());
    }
    if (duplicate) {
      out.skipped.push_back(label + ": duplicate kid and alg");
      continue;
    }
    out.keys.push_back(std::move(*jwk));
  }
  if (out.keys.empty()) {
    std::string why = "JWKS has no usable signature key";
    if (!out.skipped.empty()) why += " (" + out.skipped.front() + ")";
    return Fail(InvalidJwks(std::move(why)));
  }
  return out;
}

}  // namespace gatehouse::jose
