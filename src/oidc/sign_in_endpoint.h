// The hosted sign-in page (API.md): GET /sign-in renders the form of the pending interaction;
// POST /sign-in checks the CSRF field and the password (Argon2id on a bounded worker pool, never
// on an I/O thread), starts the session and continues the authorization with a 303 to the client.
#pragma once

#include <memory>

#include "http/router.h"
#include "oidc/oidc_context.h"
#include "service/sign_in/password_sign_in.h"
#include "service/runtime/worker_pool.h"

namespace gatehouse::oidc {

// What the sign-in routes share: the password checker (with its throttle) and the pool.
struct SignInRuntime {
  SignInRuntime(int threads, size_t max_queued) : pool(threads, max_queued) {}
  service::PasswordSignIn passwords;
  service::WorkerPool pool;
};

void RegisterSignInRoutes(http::Router& router, const OidcContext& ctx,
                          std::shared_ptr<SignInRuntime> runtime);

}  // namespace gatehouse::oidc
