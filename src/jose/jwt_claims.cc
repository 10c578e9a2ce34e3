#include "jose/jwt_claims.h"

#include <cmath>
#include <limits>
#include <optional>

namespace gatehouse::jose {
namespace {

Error Claim(std::string_view code, std::string message) {
  return {ErrorKind::kUnauthenticated, std::string(code), std::move(message)};
}

std::string Clip(std::string_view s) {
  std::string out(s.substr(0, 64));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return out;
}

// A NumericDate (RFC 7519 §2): seconds, integer or not. Fractions are rounded towards the
// stricter side by the caller's choice of `round_up`.
std::optional<int64_t> NumericDate(const nlohmann::json& v, bool round_up) {
  constexpr auto kMax = std::numeric_limits<int64_t>::max();
  if (v.is_number_unsigned()) {
    auto u = v.get<uint64_t>();
    return u > static_cast<uint64_t>(kMax) ? kMax : static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_float()) {
    double d = round_up ? std::ceil(v.get<double>()) : std::floor(v.get<double>());
    if (d >= 9.2e18) return kMax;
    if (d <= -9.2e18) return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(d);
  }
  return std::nullopt;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Result<RegisteredClaims> CheckRegisteredClaims(const nlohmann::json& claims,
                                               const ClaimExpectations& expect) {
  RegisteredClaims out;
  auto iss = claims.find("iss");
  if (iss == claims.end() || !iss->is_string()) {
    return Fail(Claim(kWrongIssuer, "token has no iss"));
  }
  out.issuer = iss->get<std::string>();
  if (out.issuer != expect.issuer) {
    return Fail(Claim(kWrongIssuer, "iss \"" + Clip(out.issuer) + "\" is not the expected issuer"));
  }

  if (auto sub = claims.find("sub"); sub != claims.end()) {
    if (!sub->is_string()) return Fail(Claim(kBadClaims, "sub is not a string"));
    out.subject = sub->get<std::string>();
  }

  auto aud = claims.find("aud");
  if (aud != claims.end() && aud->is_string()) {
    out.audiences.push_back(aud->get<std::string>());
  } else if (aud != claims.end() && aud->is_array()) {
    for (const auto& a : *aud) {
      if (!a.is_string()) return Fail(Claim(kWrongAudience, "aud holds a non-string"));
      out.audiences.push_back(a.get<std::string>());
    }
  } else if (aud != claims.end()) {
    return Fail(Claim(kWrongAudience, "aud is neither a string nor an array"));
  }
  bool audience_ok = false;
  if (expect.audiences != nullptr) {
    for (const auto& want : *expect.audiences) {
      for (const auto& have : out.audiences) audience_ok = audience_ok || have == want;
    }
  }
  if (!audience_ok) {
    if (out.audiences.empty()) return Fail(Claim(kWrongAudience, "token has no aud"));
    return Fail(Claim(kWrongAudience,
                      "aud \"" + Clip(out.audiences.front()) + "\" is not an accepted audience"));
  }

  auto exp = claims.find("exp");
  std::optional<int64_t> exp_value;
  if (exp != claims.end()) exp_value = NumericDate(*exp, /*round_up=*/false);
  if (!exp_value) return Fail(Claim(kBadClaims, "token has no numeric exp"));
  out.expires_at = *exp_value;
  if (expect.now - expect.leeway >= out.expires_at) {
    return Fail(Claim(kExpired, "token expired at " + std::to_string(out.expires_at)));
  }

  if (auto nbf = claims.find("nbf"); nbf != claims.end()) {
    auto v = NumericDate(*nbf, /*round_up=*/true);
    if (!v) return Fail(Claim(kBadClaims, "nbf is not a number"));
    out.not_before = *v;
    if (out.not_before > expect.now + expect.leeway) {
      return Fail(Claim(kNotYetValid, "token is not valid before " + std::to_string(*v)));
    }
  }

  auto iat = claims.find("iat");
  if (iat == claims.end()) {
    if (expect.require_iat) return Fail(Claim(kBadIssuedAt, "token has no iat"));
  } else {
    auto v = NumericDate(*iat, /*round_up=*/true);
    if (!v) return Fail(Claim(kBadIssuedAt, "iat is not a number"));
    out.issued_at = *v;
    if (out.issued_at > expect.now + expect.leeway) {
      return Fail(Claim(kBadIssuedAt, "token is issued in the future"));
    }
  }
  return out;
}

bool TypMatches(std::string_view typ, std::string_view expected) {
  auto normal = [](std::string_view t) {
    std::string lower = AsciiLower(t);
    // RFC 7515 §4.1.9: "application/" may be omitted when no other '/' appears.
    if (lower.starts_with("application/")) lower.erase(0, 12);
    return lower;
  };
  return normal(typ) == normal(expected);
}

}  // namespace gatehouse::jose
