// The org-service example's only logic: authorise DELETE /organizations/{id}/members/{userId}
// with the `remove:member` permission in that organization, using gatehouse/verify.h alone.
// Kept apart from the HTTP server (main.cc) so it reads in one screen and is testable as is.
#pragma once

#include <gatehouse/verify.h>

#include <string>
#include <string_view>

namespace org_service {

struct Response {
  int status = 200;
  std::string body;              // JSON
  std::string www_authenticate;  // RFC 6750 §3 challenge for 401/403, else empty
};

// Handles one request. `authorization` is the Authorization header value ("" when absent).
// Routes: DELETE /organizations/{id}/members/{userId} -> 204 when the bearer token is an
// organization token for {id} holding remove:member; 401 / 403 / 503 with an RFC 6750 challenge
// otherwise. Any other path: 404; another method on that path: 405.
Response Handle(const gatehouse::verify::Verifier& verifier, std::string_view method,
                std::string_view target, std::string_view authorization);

}  // namespace org_service
