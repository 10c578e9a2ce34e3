// HotCaches: the process's read caches for the token endpoint's hot path (service/runtime/read_cache.h),
// owned by app and reached through Context::caches. Without them (nullptr, as in most tests)
// every request reads the store.
#pragma once

#include <string>
#include <vector>

#include "model/entities.h"
#include "model/oidc_entities.h"
#include "service/oidc/user_tokens.h"
#include "service/runtime/read_cache.h"
#include "store/epoch_store.h"

namespace gatehouse::service {

// An application and its secrets (hashes), as client authentication needs them.
struct ClientRecord {
  model::Application app;
  std::vector<model::ApplicationSecret> secrets;
};

// What a refresh_token request of a confidential client read and planned: reused for the same
// request while nothing was written (a rotation, a revocation, a membership change all write).
struct RefreshPlan {
  model::RefreshTokenRecord token;
  model::Grant grant;
  UserTokenPlan plan;
};

struct HotCaches {
  explicit HotCaches(const store::EpochStore& epochs) : epochs(epochs) {}

  const store::EpochStore& epochs;
  // client id → application and secrets.
  ReadCache<ClientRecord> clients{10'000};
  // "<application id> <organization id>" → the organization permissions the M2M application
  // holds there (client_credentials + organization_id without a resource).
  ReadCache<std::vector<std::string>> application_organization_scopes{100'000};
  // The whole request (client, refresh token hash, organization, scope, resources) → its plan.
  ReadCache<RefreshPlan> refresh_plans{100'000};
};

}  // namespace gatehouse::service
