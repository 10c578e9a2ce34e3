// ID tokens (OIDC Core §2) and userinfo claims (OIDC Core §5.3): the standard claims released by
// scope (§5.4) plus Logto's organization claims. doc/tokens.md lists every claim.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/keys/key_ring.h"
#include "store/store.h"

namespace gatehouse::service {

// The user claims the granted `scopes` release: sub always; profile → name, username, picture,
// updated_at; email → email, email_verified; phone → phone_number, phone_number_verified;
// urn:logto:scope:organizations → organizations (ids); urn:logto:scope:organization_roles →
// organization_roles ("<orgId>:<roleName>"); and when `for_userinfo` with the organizations
// scope, organization_data ([{id, name, description}]). Read live from the store.
Result<nlohmann::json> UserClaims(store::Repos& r, const model::User& user,
                                  const std::vector<std::string>& scopes, bool for_userinfo);

struct IdTokenRequest {
  std::string issuer;
  std::string client_id;
  nlohmann::json user_claims;        // from UserClaims (sub included)
  int64_t auth_time_ms = 0;
  std::optional<std::string> nonce;  // only on the ID token of the code exchange (§3.1.3.6)
};

// Signs {iss, sub, aud: client_id, exp, iat, auth_time, nonce?, ...user_claims} with typ "JWT".
Result<std::string> IssueIdToken(const KeySet& keys, const Clock& clock,
                                 const IdTokenRequest& request);

// Checks an id_token_hint (OIDC RP-Initiated Logout §2): our signature, our issuer; expiry is
// not checked (a hint may be expired). Returns its claims.
Result<nlohmann::json> VerifyIdTokenHint(const KeySet& keys, const std::string& issuer,
                                         std::string_view token);

}  // namespace gatehouse::service
