// Applications (OIDC clients) and their client secrets: the business rules behind API.md
// "Applications", and client authentication for the token endpoint.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "store/application_repo.h"

namespace gatehouse::service {

// SHA-256 of a client secret, lower-case hex: the only form a secret is stored in.
std::string HashSecret(std::string_view secret);

// POST /applications. Fields already validated for type and length by the caller.
struct NewApplication {
  std::optional<std::string> id;  // nullopt: a random 21-char id (set only by bootstrap)
  std::string name;
  std::optional<std::string> description;
  model::ApplicationType type = model::ApplicationType::kTraditional;
  std::optional<model::Json> oidc_client_metadata;    // {redirectUris, postLogoutRedirectUris}
  std::optional<model::Json> custom_client_metadata;  // object
  bool is_third_party = false;
  bool is_built_in = false;
};

// PATCH /applications/:id. Absent fields are left unchanged; `description` may be set to null;
// oidcClientMetadata keys given replace the stored ones (others stay). Type and isThirdParty
// cannot change (as Logto).
struct ApplicationPatch {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;
  std::optional<model::Json> oidc_client_metadata;
  std::optional<model::Json> custom_client_metadata;  // merged into the stored object
};

// A freshly created secret: `value` exists only here, never stored.
struct CreatedSecret {
  model::ApplicationSecret secret;
  std::string value;
};

// Creates an application. InvalidInput for malformed oidcClientMetadata (redirect URIs must be
// absolute URIs without fragments, RFC 6749 §3.1.2). Conflict if `id` is given and taken.
Result<model::Application> CreateApplication(const Context& ctx, const NewApplication& input);

// Creates an application and one secret named `secret_name` whose value is `secret` (bootstrap
// with configured credentials), atomically. REQUIRES: a confidential type.
Result<model::Application> CreateApplicationWithSecret(const Context& ctx,
                                                       const NewApplication& input,
                                                       const std::string& secret,
                                                       const std::string& secret_name = "default");

// Validates and normalises oidcClientMetadata for an application of `type`: an object whose
// redirectUris / postLogoutRedirectUris are arrays of absolute URIs without fragments
// (RFC 6749 §3.1.2; http(s) for web types, any scheme for Native). Keeps the known optional keys
// backchannelLogoutUri, backchannelLogoutSessionRequired, logoUri; drops unknown ones.
Result<model::Json> NormalizeOidcClientMetadata(const model::Json& metadata,
                                                model::ApplicationType type);

// NotFound (entity.not_exists_with_id) if absent.
Result<model::Application> GetApplication(const Context& ctx, const std::string& id);

// Newest first. InvalidInput if both exclude_organization_id and exclude_role_id are set (as
// Logto).
Result<model::Page<model::Application>> ListApplications(
    const Context& ctx, const store::ApplicationFilter& filter,
    const std::optional<model::PageRequest>& page);

// GET /applications/:id/organizations. NotFound if the app is absent.
Result<model::Page<store::ApplicationOrganizationRow>> ListApplicationOrganizations(
    const Context& ctx, const std::string& app_id, const std::optional<model::PageRequest>& page);

// NotFound if absent; InvalidInput as CreateApplication.
Result<model::Application> UpdateApplication(const Context& ctx, const std::string& id,
                                             const ApplicationPatch& patch);

// NotFoundRelation (entity.not_found) if absent; InvalidInput
// (application.cannot_delete_built_in) for a built-in application. Secrets, role grants and
// organization memberships go with it.
Result<void> DeleteApplication(const Context& ctx, const std::string& id);

// POST /applications/:id/secrets. NotFound if the app is absent; InvalidInput
// (application.invalid_type) for a public client; Conflict (entity.unique_integrity_violation)
// for a duplicate name; InvalidInput for an expiry not in the future.
Result<CreatedSecret> CreateSecret(const Context& ctx, const std::string& app_id,
                                   const std::string& name, std::optional<int64_t> expires_at);
// Every secret of the app (hashes inside; the API drops them), oldest first. NotFound if absent.
Result<std::vector<model::ApplicationSecret>> ListSecrets(const Context& ctx,
                                                          const std::string& app_id);
// NotFound if the app or the secret is absent; Conflict if `new_name` is taken.
Result<model::ApplicationSecret> RenameSecret(const Context& ctx, const std::string& app_id,
                                              const std::string& name, const std::string& new_name);
// NotFoundRelation (entity.not_found) if the app or the secret is absent.
Result<void> DeleteSecret(const Context& ctx, const std::string& app_id, const std::string& name);

// Client authentication for the token endpoint (RFC 6749 §2.3). Confidential clients must
// present a secret matching one of their unexpired secrets (hashes compared in constant time);
// public clients (SPA, Native) must present none. Any failure is Unauthenticated
// ("oidc.invalid_client") without saying why; Unavailable if the database cannot be reached.
Result<model::Application> AuthenticateClient(const Context& ctx, const std::string& client_id,
                                              const std::optional<std::string>& client_secret);

}  // namespace gatehouse::service
