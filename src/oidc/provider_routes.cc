#include "oidc/provider_routes.h"

#include <thread>

#include "oidc/authorize_endpoint.h"
#include "oidc/session_end_endpoint.h"
#include "oidc/sign_in_endpoint.h"
#include "oidc/userinfo_endpoint.h"

namespace gatehouse::oidc {

void RegisterProviderRoutes(http::Router& router, const OidcContext& ctx) {
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Each queued hash holds a request; 64 per thread is a few seconds of work at most — beyond
  // that sign-ins are answered 503 at once rather than left waiting (PRODUCT.md §7 "login").
  auto runtime = std::make_shared<SignInRuntime>(threads, static_cast<size_t>(threads) * 64);
  RegisterAuthorizeRoutes(router, ctx);
  RegisterSignInRoutes(router, ctx, runtime);
  RegisterSessionEndRoutes(router, ctx);
  RegisterUserinfoRoutes(router, ctx);
  RegisterRevocationRoutes(router, ctx);
}

}  // namespace gatehouse::oidc
