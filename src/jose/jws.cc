#include "jose/jws.h"

#include <array>

#include "common/base64url.h"
#include "jose/json_strict.h"

namespace gatehouse::jose {
namespace {

Error Malformed(std::string message) {
  return Error::InvalidInput(std::move(message), std::string(kMalformed));
}

std::string Clip(std::string_view s) {
  std::string out(s.substr(0, 32));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
  }
  return out;
}

}  // namespace

Result<CompactJws> ParseCompactJws(std::string_view token, size_t max_size) {
  if (token.size() > max_size) {
    return Fail(Malformed("token is larger than " + std::to_string(max_size) + " bytes"));
  }
  const size_t dot1 = token.find('.');
  const size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return Fail(Malformed("token is not a compact JWS of three parts"));
  }
  const std::string_view header_b64 = token.substr(0, dot1);
  const std::string_view payload_b64 = token.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view signature_b64 = token.substr(dot2 + 1);
  if (header_b64.empty() || payload_b64.empty()) {
    return Fail(Malformed("token has an empty header or payload"));
  }
  if (signature_b64.empty()) return Fail(Malformed("token is unsigned"));

  auto header_json = Base64UrlDecode(header_b64);
  if (!header_json) return Fail(Malformed("header is not base64url"));
  auto payload = Base64UrlDecode(payload_b64);
  if (!payload) return Fail(Malformed("payload is not base64url"));
  auto signature = Base64UrlDecode(signature_b64);
  if (!signature) return Fail(Malformed("signature is not base64url"));

  auto header = ParseStrictJsonObject(*header_json, /*max_depth=*/4);
  if (!header) return Fail(Malformed("header: " + header.error().message));

  return CompactJws{token.substr(0, dot2), std::move(*header), std::move(*payload),
                    std::move(*signature)};
}

Result<JoseHeader> CheckJoseHeader(const nlohmann::json& header) {
  // Key material or key locations chosen by the token's author (RFC 8725 §3.10), critical
  // extensions (none understood), unencoded payloads, compression and nesting.
  static constexpr std::array<std::string_view, 8> kRefused = {"jwk", "jku", "x5u", "x5c",
                                                               "crit", "b64", "zip", "cty"};
  for (std::string_view name : kRefused) {
    if (header.contains(name)) {
      return Fail(Error::InvalidInput("header parameter \"" + std::string(name) + "\" is refused",
                                      std::string(kForbiddenHeader)));
    }
  }
  auto alg_it = header.find("alg");
  if (alg_it == header.end() || !alg_it->is_string()) {
    return Fail(Malformed("header has no \"alg\" string"));
  }
  const auto& alg_name = alg_it->get_ref<const std::string&>();
  auto alg = crypto::AlgorithmFromName(alg_name);
  if (!alg) {
    std::string why = "alg \"" + Clip(alg_name) + "\" is not accepted";
    if (alg_name.size() == 4 && (alg_name[0] | 0x20) == 'n' && (alg_name[1] | 0x20) == 'o' &&
        (alg_name[2] | 0x20) == 'n' && (alg_name[3] | 0x20) == 'e') {
      why = "alg \"none\" is never accepted";  // RFC 8725 §3.1
    } else if (alg_name.starts_with("HS")) {
      why = "HMAC algorithms are never accepted";  // RFC 8725 §3.2: no public key as secret
    }
    return Fail(Error::InvalidInput(std::move(why), std::string(kUnsupportedAlgorithm)));
  }
  JoseHeader out{*alg, {}, {}};
  if (auto it = header.find("kid"); it != header.end()) {
    if (!it->is_string()) return Fail(Malformed("header \"kid\" is not a string"));
    out.kid = it->get<std::string>();
  }
  if (auto it = header.find("typ"); it != header.end()) {
    if (!it->is_string()) return Fail(Malformed("header \"typ\" is not a string"));
    out.typ = it->get<std::string>();
  }
  return out;
}

}  // namespace gatehouse::jose
