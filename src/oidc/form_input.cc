#include "oidc/form_input.h"

#include <nlohmann/json.hpp>

#include "common/base64url.h"
#include "common/json_depth.h"
#include "oidc/oidc_error.h"

namespace gatehouse::oidc {

std::optional<std::string> Params::Get(std::string_view name) const {
  for (const auto& [k, v] : values)
    if (k == name) return v;
  return std::nullopt;
}

std::vector<std::string> Params::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values)
    if (k == name) out.push_back(v);
  return out;
}

Result<Params> ParseParams(const http::Request& req) {
  Params p;
  auto type = req.Header("content-type").value_or("");
  if (type.rfind("application/json", 0) == 0) {
    if (!JsonNestingWithin(req.body, 16)) {
      return Fail(OAuthError("invalid_request", "request body is nested too deeply"));
    }
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return Fail(OAuthError("invalid_request", "request body is not a JSON object"));
    }
    for (auto& [k, v] : body.items()) {
      if (v.is_string()) {
        p.values.emplace_back(k, v.get<std::string>());
      } else if (v.is_array() && k == "resource") {
        for (auto& item : v)
          if (item.is_string()) p.values.emplace_back(k, item.get<std::string>());
      } else if (!v.is_null()) {
        return Fail(OAuthError("invalid_request", "parameter " + k + " must be a string"));
      }
    }
  } else {
    auto form = http::ParseFormEncoded(req.body);
    if (!form) return Fail(OAuthError("invalid_request", "malformed form body"));
    p.values = std::move(*form);
  }
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (p.values[i].first == "resource") continue;
    for (size_t j = i + 1; j < p.values.size(); ++j) {
      if (p.values[i].first == p.values[j].first) {
        return Fail(OAuthError("invalid_request", "parameter " + p.values[i].first + " repeated"));
      }
    }
  }
  return p;
}

Result<ClientCredentials> ReadClientCredentials(const http::Request& req, const Params& params) {
  auto auth = req.Header("authorization");
  auto body_id = params.Get("client_id");
  auto body_secret = params.Get("client_secret");
  if (auth && auth->size() > 6 && (auth->substr(0, 6) == "Basic " || auth->substr(0, 6) == "basic ")) {
    if (body_secret) {
      return Fail(OAuthError("invalid_request", "client authentication must use one method"));
    }
    auto decoded = Base64Decode(auth->substr(6));
    if (!decoded) return Fail(OAuthError("invalid_client", "malformed Basic credentials"));
    size_t colon = decoded->find(':');
    if (colon == std::string::npos) {
      return Fail(OAuthError("invalid_client", "malformed Basic credentials"));
    }
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
    auto id = http::PercentDecode(decoded->substr(0, colon), true);
    auto secret = http::PercentDecode(decoded->substr(colon + 1), true);
    if (!id || !secret || id->empty()) {
      return Fail(OAuthError("invalid_client", "malformed Basic credentials"));
    }
    if (body_id && *body_id != *id) {
      return Fail(OAuthError("invalid_request", "client_id does not match the credentials"));
    }
    return ClientCredentials{*id, *secret, true};
  }
  if (!body_id || body_id->empty()) {
    return Fail(OAuthError("invalid_client", "client authentication is required"));
  }
  return ClientCredentials{*body_id, body_secret, false};
}

}  // namespace gatehouse::oidc
