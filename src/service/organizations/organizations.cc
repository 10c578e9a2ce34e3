#include "service/organizations/organizations.h"

#include <unordered_map>

namespace gatehouse::service {
namespace {

using Json = nlohmann::json;

bool IsHexColor(const std::string& s) {
  if (s.size() != 4 && s.size() != 7) return false;
  if (s[0] != '#') return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// An absolute URL: scheme ":" something, no whitespace or control characters (WHATWG URL
// parsing, as Logto's z.string().url(), accepts far more; this is the useful core).
bool IsUrl(const std::string& s) {
  if (s.size() > 2048) return false;
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

Error Invalid(const std::string& what) { return Error::InvalidInput("Invalid input: " + what + "."); }

template <typename Check>
Result<Json> PickStrings(const Json& in, std::string_view field,
                         std::initializer_list<const char*> keys, Check check,
                         std::string_view what) {
  if (!in.is_object()) return Fail(Invalid(std::string("`") + std::string(field) + "` must be an object"));
  Json out = Json::object();
  for (const char* key : keys) {
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) continue;
    if (!it->is_string() || !check(it->get_ref<const std::string&>())) {
      return Fail(Invalid(std::string("`") + std::string(field) + "." + key + "` must be " +
                          std::string(what)));
    }
    out[key] = *it;
  }
  return out;
}

Error NotFound(const std::string& id) {
  return Error::NotFound("Organization `" + id + "` not found.");
}

}  // namespace

Result<Json> ValidateColor(const Json& color) {
  auto out = PickStrings(color, "color", {"primaryColor", "darkPrimaryColor"}, IsHexColor,
                         "a hex colour");
  if (!out) return out;
  if (auto it = color.find("isDarkModeEnabled"); it != color.end() && !it->is_null()) {
    if (!it->is_boolean()) return Fail(Invalid("`color.isDarkModeEnabled` must be a boolean"));
    (*out)["isDarkModeEnabled"] = *it;
  }
  return out;
}

Result<Json> ValidateBranding(const Json& branding) {
  return PickStrings(branding, "branding", {"logoUrl", "darkLogoUrl", "favicon", "darkFavicon"},
                     IsUrl, "a URL");
}

Result<model::Organization> CreateOrganization(const Context& ctx, OrganizationInput input) {
  auto color = ValidateColor(input.color);
  if (!color) return Fail(color.error());
  auto branding = ValidateBranding(input.branding);
  if (!branding) return Fail(branding.error());
  model::Organization org;
  org.id = ctx.random.Id(12);
  org.name = std::move(input.name);
  org.description = std::move(input.description);
  org.custom_data = std::move(input.custom_data);
  org.is_mfa_required = input.is_mfa_required;
  org.color = std::move(*color);
  org.branding = std::move(*branding);
  org.custom_css = std::move(input.custom_css);
  org.created_at = ctx.clock.NowMillis();
  GH_TRY(ctx.store.Write([&](store::Repos& r) { return r.organizations.Insert(org); }));
  return org;
}

Result<model::Organization> GetOrganization(const Context& ctx, const std::string& id) {
  std::optional<model::Organization> found;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto o = r.organizations.Find(id);
    if (!o) return Fail(o.error());
    found = std::move(*o);
    return Ok();
  }));
  if (!found) return Fail(NotFound(id));
  return std::move(*found);
}

Result<model::Page<OrganizationListItem>> ListOrganizations(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page, bool show_featured) {
  model::Page<OrganizationListItem> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto orgs = r.organizations.List(q, page);
    if (!orgs) return Fail(orgs.error());
    out.total = orgs->total;
    std::vector<std::string> ids;
    for (auto& o : orgs->items) {
      ids.push_back(o.id);
      out.items.push_back({std::move(o), std::nullopt});
    }
    if (!show_featured || ids.empty()) return Ok();
    auto summaries = r.organizations.UsersSummaryOf(ids, 3);
    if (!summaries) return Fail(summaries.error());
    std::unordered_map<std::string, store::OrganizationUsersSummary*> by_id;
    for (auto& s : *summaries) by_id[s.organization_id] = &s;
    for (auto& item : out.items) {
      auto it = by_id.find(item.organization.id);
      item.users = it != by_id.end() ? std::move(*it->second)
                                     : store::OrganizationUsersSummary{item.organization.id, 0, {}};
    }
    return Ok();
  }));
  return out;
}

Result<model::Organization> UpdateOrganization(const Context& ctx, const std::string& id,
                                               const OrganizationPatch& patch) {
  std::optional<Json> color, branding;
  if (patch.color) {
    auto c = ValidateColor(*patch.color);
    if (!c) return Fail(c.error());
    color = std::move(*c);
  }
  if (patch.branding) {
    auto b = ValidateBranding(*patch.branding);
    if (!b) return Fail(b.error());
    branding = std::move(*b);
  }
  model::Organization org;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.organizations.Find(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(NotFound(id));
    org = std::move(**found);
    if (patch.name) org.name = *patch.name;
    if (patch.description) org.description = *patch.description;
    if (patch.custom_data) org.custom_data = *patch.custom_data;
    if (patch.is_mfa_required) org.is_mfa_required = *patch.is_mfa_required;
    if (color) org.color = *color;
    if (branding) org.branding = *branding;
    if (patch.custom_css) org.custom_css = *patch.custom_css;
    return r.organizations.Update(org);
  }));
  return org;
}

Result<void> DeleteOrganization(const Context& ctx, const std::string& id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto deleted = r.organizations.Delete(id);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("Organization `" + id + "` not found."));
    return Ok();
  });
}

Result<std::vector<UserOrganization>> OrganizationsOfUser(const Context& ctx,
                                                          const std::string& user_id) {
  std::vector<UserOrganization> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto user = r.users.Find(user_id);
    if (!user) return Fail(user.error());
    if (!*user) return Fail(Error::NotFound("User `" + user_id + "` not found."));
    auto orgs = r.organizations.OrganizationsOfUser(user_id);
    if (!orgs) return Fail(orgs.error());
    auto roles = r.organizations.OrganizationRolesOfUser(user_id);
    if (!roles) return Fail(roles.error());
    std::unordered_map<std::string, size_t> index;
    for (auto& o : *orgs) {
      index.emplace(o.id, out.size());
      out.push_back({std::move(o), {}});
    }
    for (auto& row : *roles) {
      if (auto it = index.find(row.organization_id); it != index.end()) {
        out[it->second].roles.push_back(std::move(row.role));
      }
    }
    return Ok();
  }));
  return out;
}

}  // namespace gatehouse::service
