#include "org_service.h"

#include <cctype>
#include <vector>

namespace org_service {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 1;  // skip the leading '/'
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::string JsonError(std::string_view code, std::string_view message) {
  return nlohmann::json({{"error", code}, {"error_description", message}}).dump();
}

// RFC 6750 §3: WWW-Authenticate: Bearer error="...", error_description="..."
Response Refuse(const gatehouse::verify::Error& e, std::string_view scope = {}) {
  Response r;
  r.status = e.http_status();
  std::string code(e.bearer_error().empty() ? "temporarily_unavailable" : e.bearer_error());
  r.body = JsonError(code, e.message());
  if (!e.bearer_error().empty()) {
    std::string description = e.message();
    for (char& c : description) {
      if (c == '"' || c == '\\') c = '\'';
    }
    r.www_authenticate = "Bearer error=\"" + code + "\", error_description=\"" + description + "\"";
    if (!scope.empty()) r.www_authenticate += ", scope=\"" + std::string(scope) + "\"";
  }
  return r;
}

}  // namespace

Response Handle(const gatehouse::verify::Verifier& verifier, std::string_view method,
                std::string_view target, std::string_view authorization) {
  const std::string_view path = target.substr(0, target.find('?'));
  const auto parts = Split(path);
  if (path.empty() || path[0] != '/' || parts.size() != 4 || parts[0] != "organizations" ||
      parts[2] != "members" || parts[1].empty() || parts[3].empty()) {
    return {404, JsonError("not_found", "no such route"), ""};
  }
  if (method != "DELETE") return {405, JsonError("method_not_allowed", "use DELETE"), ""};
  const std::string organization_id(parts[1]);
  const std::string user_id(parts[3]);

  // RFC 6750 §2.1: Authorization: Bearer <token> ("Bearer" is case-insensitive).
  constexpr std::string_view kBearer = "bearer ";
  std::string scheme(authorization.substr(0, kBearer.size()));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != kBearer) {
    Response r{401, JsonError("invalid_request", "a bearer token is required"), "Bearer"};
    return r;
  }
  const std::string_view token = authorization.substr(kBearer.size());

  // The one line that matters: an organization token for this organization, with the permission.
  auto verified = verifier.VerifyForOrganization(token, organization_id, {"remove:member"});
  if (!verified) return Refuse(verified.error(), "remove:member");

  // A real service would now remove the membership in its own store.
  return {204, "", ""};
}

}  // namespace org_service
