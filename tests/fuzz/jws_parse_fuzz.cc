// libFuzzer target for every parser a token or a JWKS reaches (STYLE.md: a fuzz target for every
// parser of untrusted input): compact JWS splitting, the header policy, strict JSON, the claim
// checks, the whole Verifier pipeline, and the JWKS parser, all on the same bytes.
// It also checks one property: a base64url segment has a single accepted spelling.
//
// Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined). The seed corpus
// (corpus/jws_parse) holds tokens signed by the fixed test key below, so mutations start from
// tokens that pass every check.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crypto/signing_key.h"
#include "gatehouse/verify.h"
#include "jose/json_strict.h"
#include "jose/jwk.h"
#include "jose/jws.h"
#include "jose/jwt_claims.h"
#include "jose/segment_codec.h"

namespace {

using namespace gatehouse;

// A throwaway P-256 key, used only by this fuzz target and its seed corpus.
constexpr char kTestKeyPem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgGH0QruAHoxOb2xo6\n"
    "WYl9Tt4TsF8Yw6/pSlw/2ubaOK6hRANCAASgM+W8gr5WcX601sLJy9xVKpkPIUMz\n"
    "xnR8CutQ4n9WZC6gJSdL5u36i+cNlcLNh7ob6hT5iKCJx6GH8i3S+th6\n"
    "-----END PRIVATE KEY-----\n";
constexpr int64_t kNow = 1'700'000'000;
constexpr char kIssuer[] = "http://localhost:3001/oidc";

const verify::Verifier& TheVerifier() {
  static const verify::Verifier* verifier = [] {
    auto key = crypto::SigningKey::FromPem(crypto::JwsAlgorithm::kES256, kTestKeyPem);
    if (!key) __builtin_trap();
    verify::Options o;
    o.jwks_json = nlohmann::json({{"keys", {key->PublicJwk("fuzz")}}}).dump();
    o.issuer = kIssuer;
    o.audiences = {verify::OrganizationAudience("org-a")};
    o.now = [] { return kNow; };
    auto v = verify::Verifier::Create(o);
    if (!v) __builtin_trap();
    return new verify::Verifier(std::move(*v));
  }();
  return *verifier;
}

void CheckCanonicalSegments(std::string_view input) {
  for (size_t start = 0; start <= input.size();) {
    size_t dot = input.find('.', start);
    if (dot == std::string_view::npos) dot = input.size();
    std::string_view segment = input.substr(start, dot - start);
    if (auto bytes = jose::DecodeSegment(segment)) {
      std::string again;
      jose::AppendSegment(again, *bytes);
      if (again != segment) __builtin_trap();  // two spellings of one value were accepted
    }
    start = dot + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto jws = jose::ParseCompactJws(input)) {
    (void)jose::CheckJoseHeader(jws->header);
    if (auto claims = jose::ParseStrictJsonObject(jws->payload)) {
      const std::vector<std::string> audiences = {"urn:logto:organization:org-a"};
      (void)jose::CheckRegisteredClaims(*claims, {kIssuer, &audiences, kNow, 60, true});
      verify::Token token(std::move(*claims));
      (void)token.organization_id();
      (void)verify::RequireScopes(token, {"remove:member"});
    }
  }
  if (auto token = TheVerifier().Verify(input)) {
    (void)token->claims().dump();
  }
  (void)TheVerifier().VerifyForOrganization(input, "org-a", {"remove:member"});
  (void)jose::ParseJwks(input);
  CheckCanonicalSegments(input);
  return 0;
}
