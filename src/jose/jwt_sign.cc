#include "jose/jwt_sign.h"

#include "common/json_write.h"
#include "jose/segment_codec.h"

namespace gatehouse::jose {
Result<std::string> SignJwt(const crypto::SigningKey& key, std::string_view kid,
                            std::string_view typ, std::string_view claims_json) {
  const size_t first = claims_json.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || claims_json[first] != '{') {
    return Fail(
        Error::InvalidInput("JWT claims must be a JSON object", std::string("jose.malformed")));
  }
  std::string header = "{\"alg\":\"";
  header += crypto::AlgorithmName(key.algorithm());
  header += '"';
  if (!typ.empty()) {
    header += ",\"typ\":";
    AppendJsonString(header, typ);
  }
  if (!kid.empty()) {
    header += ",\"kid\":";
    AppendJsonString(header, kid);
  }
  header += '}';

  std::string token;
  // base64url grows 4/3; the signature is at most 512 bytes for the keys we generate.
  token.reserve((header.size() + claims_json.size()) * 4 / 3 + 700);
  AppendSegment(token, header);
  token += '.';
  AppendSegment(token, claims_json);
  // RFC 7515 §5.1 step 5: the signature covers ASCII(BASE64URL(header) || '.' ||
  // BASE64URL(payload)).
  auto signature = key.Sign(token);
  if (!signature) return Fail(signature.error());
  token += '.';
  AppendSegment(token, *signature);
  return token;
}

Result<std::string> SignJwtClaims(const crypto::SigningKey& key, std::string_view kid,
                                  std::string_view typ, const nlohmann::json& claims) {
  if (!claims.is_object()) {
    return Fail(
        Error::InvalidInput("JWT claims must be a JSON object", std::string("jose.malformed")));
  }
  std::string text;
  try {
    text = claims.dump();
  } catch (const nlohmann::json::exception& e) {  // strings that are not UTF-8
    return Fail(Error::InvalidInput(std::string("JWT claims do not serialise: ") + e.what(),
                                    std::string("jose.malformed")));
  }
  return SignJwt(key, kid, typ, text);
}

}  // namespace gatehouse::jose
