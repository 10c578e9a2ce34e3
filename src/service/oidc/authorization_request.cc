#include "service/oidc/authorization_request.h"

#include <algorithm>

#include "service/oidc/access_token.h"
#include "service/oidc/common.h"

namespace gatehouse::service {
namespace {

constexpr size_t kMaxParamLength = 4096;
constexpr size_t kMaxScopes = 100;
constexpr size_t kMaxResources = 20;

const std::string* Single(const ParamList& p, std::string_view name, int* count) {
  const std::string* found = nullptr;
  *count = 0;
  for (const auto& [k, v] : p) {
    if (k == name) {
      ++*count;
      found = &v;
    }
  }
  return found;
}

bool IsUnreservedToken(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
  });
}

// RFC 8707 §2: an absolute URI without a fragment.
bool IsResourceIndicator(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return s.find('#') == std::string_view::npos && s.size() <= kMaxParamLength;
}

bool RegisteredRedirect(const model::Application& app, const std::string& uri) {
  auto it = app.oidc_client_metadata.find("redirectUris");
  if (it == app.oidc_client_metadata.end() || !it->is_array()) return false;
  for (const auto& r : *it)
    if (r.is_string() && r.get_ref<const std::string&>() == uri) return true;
  return false;
}

// The checks after client and redirect URI are known good; failures go to the client.
std::optional<Error> CheckRest(const Context& ctx, const ParamList& p, const model::Application& app,
                               AuthorizationRequest& out) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i].second.size() > kMaxParamLength) {
      return OAuthFailure("invalid_request", "parameter " + p[i].first + " is too long");
    }
    if (p[i].first == "resource") continue;
    for (size_t j = i + 1; j < p.size(); ++j)
      if (p[i].first == p[j].first) {
        // RFC 6749 §3.1: request parameters must not be included more than once.
        return OAuthFailure("invalid_request", "parameter " + p[i].first + " is repeated");
      }
  }
  int n = 0;
  auto get = [&](std::string_view name) -> std::optional<std::string> {
    const std::string* v = Single(p, name, &n);
    if (v == nullptr || v->empty()) return std::nullopt;
    return *v;
  };
  out.state = get("state");
  if (auto mode = get("response_mode")) {
    if (*mode != "query" && *mode != "form_post") {
      return OAuthFailure("invalid_request", "response_mode must be query or form_post");
    }
    out.response_mode = *mode;
  }
  auto response_type = get("response_type");
  if (!response_type) return OAuthFailure("invalid_request", "missing response_type");
  if (*response_type != "code") {
    return OAuthFailure("unsupported_response_type", "only response_type=code is supported");
  }
  out.nonce = get("nonce");
  out.login_hint = get("login_hint");
  out.scopes = SplitScopes(get("scope").value_or(""));
  if (out.scopes.size() > kMaxScopes) return OAuthFailure("invalid_scope", "too many scopes");
  if (auto prompt = get("prompt")) {
    for (const auto& v : SplitScopes(*prompt)) {
      if (v != "none" && v != "login" && v != "consent" && v != "select_account") {
        return OAuthFailure("invalid_request", "unsupported prompt value " + v);
      }
      if (!Contains(out.prompt, v)) out.prompt.push_back(v);
    }
    // OIDC Core §3.1.2.1: none with any other value is an error.
    if (Contains(out.prompt, "none") && out.prompt.size() > 1) {
      return OAuthFailure("invalid_request", "prompt=none cannot be combined with other values");
    }
  }
  if (auto max_age = get("max_age")) {
    if (max_age->empty() || max_age->size() > 12 ||
        !std::all_of(max_age->begin(), max_age->end(), ::isdigit)) {
      return OAuthFailure("invalid_request", "max_age must be a non-negative integer");
    }
    out.max_age = std::stoll(*max_age);
  }
  // RFC 7636 §4.3 / §4.4.1: only S256 is accepted (discovery says so); SPA and Native clients,
  // which cannot keep a secret, must use it (RFC 9700 §2.1.1).
  auto challenge = get("code_challenge");
  auto method = get("code_challenge_method");
  if (challenge) {
    if (method != "S256") {
      return OAuthFailure("invalid_request", "code_challenge_method must be S256");
    }
    if (challenge->size() != 43 || !IsUnreservedToken(*challenge)) {
      return OAuthFailure("invalid_request", "code_challenge is not a valid S256 challenge");
    }
    out.code_challenge = challenge;
  } else if (method) {
    return OAuthFailure("invalid_request", "code_challenge_method without code_challenge");
  } else if (!IsConfidential(app.type)) {
    return OAuthFailure("invalid_request", "PKCE (code_challenge with S256) is required");
  }
  for (const auto& [k, v] : p) {
    if (k != "resource" || v.empty()) continue;
    if (!IsResourceIndicator(v)) {
      return OAuthFailure("invalid_target", "resource must be an absolute URI without fragment");
    }
    if (!Contains(out.resources, v)) out.resources.push_back(v);
  }
  if (out.resources.size() > kMaxResources) return OAuthFailure("invalid_target", "too many resources");
  std::optional<Error> missing;
  auto read = ctx.store.Read([&](store::Repos& r) -> Result<void> {
    for (const auto& res : out.resources) {
      if (res == kResourceOrganizations) continue;
      auto found = r.resources.FindByIndicator(res);
      if (!found) return Fail(found.error());
      if (!*found) missing = OAuthFailure("invalid_target", "resource " + res + " is not registered");
    }
    return Ok();
  });
  if (!read) return read.error();
  return missing;
}

}  // namespace

bool AuthorizationRequest::HasPrompt(std::string_view p) const { return Contains(prompt, p); }

nlohmann::json AuthorizationRequest::ToJson() const {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"client_id", client_id},   {"redirect_uri", redirect_uri},
          {"response_mode", response_mode}, {"state", opt(state)},
          {"nonce", opt(nonce)},      {"code_challenge", opt(code_challenge)},
          {"login_hint", opt(login_hint)}, {"scopes", scopes},
          {"resources", resources},   {"prompt", prompt},
          {"max_age", max_age ? nlohmann::json(*max_age) : nlohmann::json(nullptr)}};
}

std::optional<AuthorizationRequest> AuthorizationRequest::FromJson(const nlohmann::json& j) {
  try {
    AuthorizationRequest r;
    r.client_id = j.at("client_id").get<std::string>();
    r.redirect_uri = j.at("redirect_uri").get<std::string>();
    r.response_mode = j.at("response_mode").get<std::string>();
    auto opt = [&](const char* k) -> std::optional<std::string> {
      return j.at(k).is_null() ? std::nullopt : std::optional(j.at(k).get<std::string>());
    };
    r.state = opt("state");
    r.nonce = opt("nonce");
    r.code_challenge = opt("code_challenge");
    r.login_hint = opt("login_hint");
    r.scopes = j.at("scopes").get<std::vector<std::string>>();
    r.resources = j.at("resources").get<std::vector<std::string>>();
    r.prompt = j.at("prompt").get<std::vector<std::string>>();
    if (!j.at("max_age").is_null()) r.max_age = j.at("max_age").get<int64_t>();
    return r;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

Result<AuthorizationCheck> CheckAuthorizationRequest(const Context& ctx, const ParamList& params) {
  AuthorizationCheck out;
  auto page = [&](std::string error, std::string why) {
    out.failure = AuthorizationFailure{OAuthFailure(error, std::move(why)), "", "query", {}};
    return out;
  };
  int n = 0;
  const std::string* client_id = Single(params, "client_id", &n);
  if (client_id == nullptr || client_id->empty() || n > 1 || client_id->size() > 256) {
    return page("invalid_request", "missing or invalid client_id");
  }
  const std::string* redirect_uri = Single(params, "redirect_uri", &n);
  if (redirect_uri == nullptr || redirect_uri->empty() || n > 1) {
    return page("invalid_request", "missing or repeated redirect_uri");
  }
  std::optional<model::Application> app;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = r.applications.Find(*client_id);
    if (!found) return Fail(found.error());
    app = std::move(*found);
    return Ok();
  }));
  if (!app || app->type == model::ApplicationType::kMachineToMachine) {
    return page("invalid_client", "unknown client");
  }
  if (!RegisteredRedirect(*app, *redirect_uri)) {
    return page("invalid_request", "redirect_uri is not registered for this client");
  }
  AuthorizationRequest req;
  req.client_id = *client_id;
  req.redirect_uri = *redirect_uri;
  auto error = CheckRest(ctx, params, *app, req);
  if (error) {
    if (error->kind == ErrorKind::kUnavailable || error->code.rfind("oidc.", 0) != 0) {
      return Fail(*error);
    }
    out.failure = AuthorizationFailure{*error, req.redirect_uri, req.response_mode, req.state};
    return out;
  }
  out.request = std::move(req);
  out.client = std::move(app);
  return out;
}

}  // namespace gatehouse::service
