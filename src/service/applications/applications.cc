#include "service/applications/applications.h"

#include "crypto/digest.h"
#include "service/runtime/hot_caches.h"
#include "service/users/users.h"

namespace gatehouse::service {
namespace {

using model::ApplicationType;
using model::Json;

Error NotFoundApp(const std::string& id) {
  return Error::NotFound("Application `" + id + "` does not exist.");
}

Error InvalidClient() {
  // RFC 6749 §5.2: one answer for every failure, so a caller learns nothing about which part
  // was wrong.
  return Error::Unauthenticated("client authentication failed", "oidc.invalid_client");
}

// A redirect URI of RFC 6749 §3.1.2: absolute, no fragment; http(s) unless the app is Native.
bool IsValidRedirectUri(std::string_view uri, ApplicationType type) {
  if (uri.size() > 2048 || !IsAbsoluteUrl(uri) || uri.find('#') != std::string_view::npos) {
    return false;
  }
  if (type == ApplicationType::kNative) return true;
  return uri.starts_with("http://") || uri.starts_with("https://");
}

Result<Json> UriArray(const Json& metadata, const char* key, ApplicationType type) {
  auto it = metadata.find(key);
  if (it == metadata.end() || it->is_null()) return Json::array();
  if (!it->is_array() || it->size() > 100) {
    return Fail(Error::InvalidInput(std::string("Invalid input: `oidcClientMetadata.") + key +
                                    "` must be an array of at most 100 URIs."));
  }
  for (const auto& v : *it) {
    if (!v.is_string() || !IsValidRedirectUri(v.get_ref<const std::string&>(), type)) {
      return Fail(
          Error::InvalidInput(std::string("Invalid input: `oidcClientMetadata.") + key +
                              "` must contain absolute URIs without fragments" +
                              (type == ApplicationType::kNative ? "." : " (http or https).")));
    }
  }
  return *it;
}

Result<model::Application> FindApp(store::Repos& r, const std::string& id) {
  auto found = r.applications.Find(id);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(NotFoundApp(id));
  return std::move(**found);
}

}  // namespace

std::string HashSecret(std::string_view secret) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto digest = crypto::Sha256(secret);
  std::string out;
  out.reserve(digest.size() * 2);
  for (uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
  }
  return out;
}

Result<Json> NormalizeOidcClientMetadata(const Json& metadata, ApplicationType type) {
  if (!metadata.is_object()) {
    return Fail(Error::InvalidInput("Invalid input: `oidcClientMetadata` must be an object."));
  }
  Json out = Json::object();
  auto redirect = UriArray(metadata, "redirectUris", type);
  if (!redirect) return Fail(redirect.error());
  out["redirectUris"] = std::move(*redirect);
  auto post_logout = UriArray(metadata, "postLogoutRedirectUris", type);
  if (!post_logout) return Fail(post_logout.error());
  out["postLogoutRedirectUris"] = std::move(*post_logout);
  for (const char* key : {"backchannelLogoutUri", "logoUri"}) {
    auto it = metadata.find(key);
    if (it == metadata.end() || it->is_null()) continue;
    if (!it->is_string() || !IsAbsoluteUrl(it->get_ref<const std::string&>())) {
      return Fail(Error::InvalidInput(std::string("Invalid input: `oidcClientMetadata.") + key +
                                      "` must be a URL."));
    }
    out[key] = *it;
  }
  if (auto it = metadata.find("backchannelLogoutSessionRequired");
      it != metadata.end() && !it->is_null()) {
    if (!it->is_boolean()) {
      return Fail(Error::InvalidInput(
          "Invalid input: `oidcClientMetadata.backchannelLogoutSessionRequired` must be a "
          "boolean."));
    }
    out["backchannelLogoutSessionRequired"] = *it;
  }
  return out;
}

namespace {

Result<model::Application> BuildApplication(const Context& ctx, const NewApplication& input) {
  if (input.is_third_party && input.type != ApplicationType::kTraditional) {
    return Fail(Error::InvalidInput("Only Traditional applications can be third-party.",
                                    "application.invalid_third_party_application_type"));
  }
  model::Application a;
  a.id = input.id ? *input.id : ctx.random.Id(21);
  a.name = input.name;
  a.description = input.description;
  a.type = input.type;
  auto metadata = NormalizeOidcClientMetadata(
      input.oidc_client_metadata ? *input.oidc_client_metadata : Json::object(), input.type);
  if (!metadata) return Fail(metadata.error());
  a.oidc_client_metadata = std::move(*metadata);
  if (input.custom_client_metadata) a.custom_client_metadata = *input.custom_client_metadata;
  a.is_third_party = input.is_third_party;
  a.is_built_in = input.is_built_in;
  a.created_at = ctx.clock.NowMillis();
  return a;
}

}  // namespace

Result<model::Application> CreateApplication(const Context& ctx, const NewApplication& input) {
  auto app = BuildApplication(ctx, input);
  if (!app) return Fail(app.error());
  GH_TRY(ctx.store.Write([&](store::Repos& r) { return r.applications.Insert(*app); }));
  return std::move(*app);
}

Result<model::Application> CreateApplicationWithSecret(const Context& ctx,
                                                       const NewApplication& input,
                                                       const std::string& secret,
                                                       const std::string& secret_name) {
  if (!model::IsConfidential(input.type)) {
    return Fail(Error::InvalidInput("Only confidential applications hold secrets.",
                                    "application.invalid_type"));
  }
  auto app = BuildApplication(ctx, input);
  if (!app) return Fail(app.error());
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(r.applications.Insert(*app));
    return r.applications.InsertSecret(
        {app->id, secret_name, HashSecret(secret), app->created_at, std::nullopt});
  }));
  return std::move(*app);
}

Result<model::Application> GetApplication(const Context& ctx, const std::string& id) {
  model::Application app;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = FindApp(r, id);
    if (!found) return Fail(found.error());
    app = std::move(*found);
    return Ok();
  }));
  return app;
}

Result<model::Page<model::Application>> ListApplications(
    const Context& ctx, const store::ApplicationFilter& filter,
    const std::optional<model::PageRequest>& page) {
  if (filter.exclude_organization_id && filter.exclude_role_id) {
    return Fail(Error::InvalidInput(
        "Parameters `excludeRoleId` and `excludeOrganizationId` cannot be used together."));
  }
  model::Page<model::Application> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto list = r.applications.List(filter, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<model::Page<store::ApplicationOrganizationRow>> ListApplicationOrganizations(
    const Context& ctx, const std::string& app_id, const std::optional<model::PageRequest>& page) {
  model::Page<store::ApplicationOrganizationRow> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindApp(r, app_id));
    auto list = r.applications.Organizations(app_id, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<model::Application> UpdateApplication(const Context& ctx, const std::string& id,
                                             const ApplicationPatch& patch) {
  model::Application app;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = FindApp(r, id);
    if (!found) return Fail(found.error());
    app = std::move(*found);
    if (patch.name) app.name = *patch.name;
    if (patch.description) app.description = *patch.description;
    if (patch.oidc_client_metadata) {
      if (!patch.oidc_client_metadata->is_object()) {
        return Fail(Error::InvalidInput("Invalid input: `oidcClientMetadata` must be an object."));
      }
      Json merged = app.oidc_client_metadata;
      for (const auto& [k, v] : patch.oidc_client_metadata->items()) merged[k] = v;
      auto normalized = NormalizeOidcClientMetadata(merged, app.type);
      if (!normalized) return Fail(normalized.error());
      app.oidc_client_metadata = std::move(*normalized);
    }
    if (patch.custom_client_metadata) {
      for (const auto& [k, v] : patch.custom_client_metadata->items()) {
        app.custom_client_metadata[k] = v;
      }
    }
    return r.applications.Update(app);
  }));
  return app;
}

Result<void> DeleteApplication(const Context& ctx, const std::string& id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.applications.Find(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFoundRelation("Application `" + id + "` does not exist."));
    if ((*found)->is_built_in) {
      return Fail(Error::InvalidInput("A built-in application cannot be deleted.",
                                      "application.cannot_delete_built_in"));
    }
    auto deleted = r.applications.Delete(id);
    if (!deleted) return Fail(deleted.error());
    return Ok();
  });
}

Result<CreatedSecret> CreateSecret(const Context& ctx, const std::string& app_id,
                                   const std::string& name, std::optional<int64_t> expires_at) {
  int64_t now = ctx.clock.NowMillis();
  if (expires_at && *expires_at <= now) {
    return Fail(Error::InvalidInput("The value of `expiresAt` must be in the future."));
  }
  CreatedSecret out;
  out.value = ctx.random.Token(32);
  out.secret = {app_id, name, HashSecret(out.value), now, expires_at};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto app = FindApp(r, app_id);
    if (!app) return Fail(app.error());
    if (!model::IsConfidential(app->type)) {
      return Fail(
          Error::InvalidInput("Only Traditional and MachineToMachine applications hold "
                              "secrets.",
                              "application.invalid_type"));
    }
    auto inserted = r.applications.InsertSecret(out.secret);
    if (!inserted && inserted.error().kind == ErrorKind::kConflict) {
      return Fail(Error::Conflict("A secret named `" + name + "` already exists."));
    }
    return inserted;
  }));
  return out;
}

Result<std::vector<model::ApplicationSecret>> ListSecrets(const Context& ctx,
                                                          const std::string& app_id) {
  std::vector<model::ApplicationSecret> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindApp(r, app_id));
    auto list = r.applications.ListSecrets(app_id);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<model::ApplicationSecret> RenameSecret(const Context& ctx, const std::string& app_id,
                                              const std::string& name,
                                              const std::string& new_name) {
  model::ApplicationSecret out;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindApp(r, app_id));
    auto renamed = r.applications.RenameSecret(app_id, name, new_name);
    if (!renamed) {
      if (renamed.error().kind == ErrorKind::kConflict) {
        return Fail(Error::Conflict("A secret named `" + new_name + "` already exists."));
      }
      return Fail(renamed.error());
    }
    if (!*renamed) return Fail(Error::NotFound("Secret `" + name + "` does not exist."));
    auto list = r.applications.ListSecrets(app_id);
    if (!list) return Fail(list.error());
    for (auto& s : *list)
      if (s.name == new_name) out = std::move(s);
    return Ok();
  }));
  return out;
}

Result<void> DeleteSecret(const Context& ctx, const std::string& app_id, const std::string& name) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto app = FindApp(r, app_id);
    if (!app && app.error().kind == ErrorKind::kNotFound) {
      return Fail(Error::NotFoundRelation(app.error().message));  // API.md: DELETE → not_found
    }
    if (!app) return Fail(app.error());
    auto deleted = r.applications.DeleteSecret(app_id, name);
    if (!deleted) return Fail(deleted.error());
    if (!*deleted) return Fail(Error::NotFoundRelation("Secret `" + name + "` does not exist."));
    return Ok();
  });
}

Result<model::Application> AuthenticateClient(const Context& ctx, const std::string& client_id,
                                              const std::optional<std::string>& client_secret) {
  // Hash first, so a lookup of an unknown client costs the same as a known one.
  const std::string presented = client_secret ? HashSecret(*client_secret) : std::string();
  std::optional<model::Application> app;
  std::vector<model::ApplicationSecret> secrets;
  const int64_t read_at = ctx.clock.NowMillis();
  const uint64_t epoch = ctx.caches ? ctx.caches->epochs.epoch() : 0;
  if (auto hit = ctx.caches ? ctx.caches->clients.Get(client_id, epoch, read_at) : std::nullopt) {
    app = std::move(hit->app);
    secrets = std::move(hit->secrets);
  } else {
    GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
      auto found = r.applications.Find(client_id);
      if (!found) return Fail(found.error());
      if (!*found) return Ok();
      app = std::move(**found);
      if (!model::IsConfidential(app->type)) return Ok();
      auto list = r.applications.ListSecrets(client_id);
      if (!list) return Fail(list.error());
      secrets = std::move(*list);
      return Ok();
    }));
    // Unknown clients are not remembered: the cache holds only what exists.
    if (app && ctx.caches) ctx.caches->clients.Put(client_id, {*app, secrets}, epoch, read_at);
  }
  if (!app) return Fail(InvalidClient());
  // RFC 6749 §2.1: public clients (SPA, Native) have no secret and authenticate with none;
  // confidential clients must present one.
  if (!client_secret) {
    if (model::IsConfidential(app->type)) return Fail(InvalidClient());
    return std::move(*app);
  }
  if (!model::IsConfidential(app->type)) return Fail(InvalidClient());
  bool matched = false;
  for (const auto& s : secrets) {
    bool live = !s.expires_at || *s.expires_at > read_at;
    // Compare every secret (no early exit) in constant time.
    if (crypto::ConstantTimeEquals(s.secret_hash, presented) && live) matched = true;
  }
  if (!matched) return Fail(InvalidClient());
  return std::move(*app);
}

}  // namespace gatehouse::service
