// Parameters of OAuth endpoints: application/x-www-form-urlencoded bodies (RFC 6749 §4.1.3),
// JSON accepted too (API.md), and client credentials from HTTP Basic (RFC 6749 §2.3.1) or body.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "http/message.h"

namespace gatehouse::oidc {

struct Params {
  std::vector<std::pair<std::string, std::string>> values;
  // The single value of `name`; nullopt if absent. RFC 6749 §3.1: parameters must not repeat
  // (except `resource`, RFC 8707) — repeated ones are rejected by ParseParams.
  std::optional<std::string> Get(std::string_view name) const;
  std::vector<std::string> GetAll(std::string_view name) const;
};

// Reads the request's form (or JSON object) body. Repeated parameters other than `resource`
// → invalid_request.
Result<Params> ParseParams(const http::Request& req);

struct ClientCredentials {
  std::string client_id;
  std::optional<std::string> client_secret;  // nullopt: public client (`none`)
  bool via_basic = false;
};

// client_secret_basic, client_secret_post or none. Both at once → invalid_request (RFC 6749
// §2.3: one method per request). Neither → invalid_client.
Result<ClientCredentials> ReadClientCredentials(const http::Request& req, const Params& params);

}  // namespace gatehouse::oidc
