// OidcContext: what the OIDC handlers share — the services' context, the key ring and the issuer.
#pragma once

#include <memory>
#include <string>

#include "service/context.h"
#include "service/keys/key_ring.h"

namespace gatehouse::oidc {

struct OidcContext {
  service::Context services;
  std::shared_ptr<service::KeyRing> keys;
  std::string endpoint;  // GATEHOUSE_ENDPOINT
  std::string issuer() const { return endpoint + "/oidc"; }
};

}  // namespace gatehouse::oidc
