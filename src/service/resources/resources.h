// API resources (RFC 8707 resource indicators) and their scopes (permissions): the business rules
// behind API.md "API resources". The built-in Management API resource can be neither changed nor
// deleted, nor can its scopes (its `all` scope is how the Management API is reached at all).
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/users/users.h"

namespace gatehouse::service {

inline constexpr size_t kMaxIndicatorLength = 256;
inline constexpr size_t kMaxScopeNameLength = 256;

struct NewResource {
  std::string name;
  std::string indicator;                    // an absolute URI without fragment (RFC 8707 §2)
  std::optional<int64_t> access_token_ttl;  // seconds, > 0; default 3600
};

struct ResourcePatch {
  std::optional<std::string> name;
  std::optional<int64_t> access_token_ttl;
};

struct ScopePatch {
  std::optional<std::string> name;
  NullableField<std::string> description;
};

// InvalidInput for a malformed indicator or TTL; Conflict
// (resource.resource_identifier_in_use) if the indicator is taken.
Result<model::Resource> CreateResource(const Context& ctx, const NewResource& input);
// NotFound (entity.not_exists_with_id) if absent.
Result<model::Resource> GetResource(const Context& ctx, const std::string& id);
// Oldest first; `q` over name and indicator.
Result<model::Page<model::Resource>> ListResources(const Context& ctx,
                                                   const std::optional<std::string>& q,
                                                   const std::optional<model::PageRequest>& page);
// NotFound if absent; InvalidInput (resource.cannot_modify_management_api) for the built-in one.
Result<model::Resource> UpdateResource(const Context& ctx, const std::string& id,
                                       const ResourcePatch& patch);
// NotFoundRelation (entity.not_found) if absent; InvalidInput
// (resource.cannot_delete_management_api) for the built-in one. Its scopes and their role grants
// go with it.
Result<void> DeleteResource(const Context& ctx, const std::string& id);

// NotFound if the resource is absent; InvalidInput for a name with whitespace (a scope is one
// token of a space-separated `scope`, RFC 6749 §3.3); Conflict (scope.name_exists) for a name the
// resource already has; InvalidInput (resource.cannot_modify_management_api) for the built-in one.
Result<model::Scope> CreateScope(const Context& ctx, const std::string& resource_id,
                                 const std::string& name,
                                 const std::optional<std::string>& description);
// Oldest first; `q` over name and description. NotFound if the resource is absent.
Result<model::Page<model::Scope>> ListScopes(const Context& ctx, const std::string& resource_id,
                                             const std::optional<std::string>& q,
                                             const std::optional<model::PageRequest>& page);
// NotFound if the resource or the scope (of that resource) is absent; rules as CreateScope.
Result<model::Scope> UpdateScope(const Context& ctx, const std::string& resource_id,
                                 const std::string& scope_id, const ScopePatch& patch);
// NotFoundRelation (entity.not_found) if the resource or the scope is absent; roles lose it.
Result<void> DeleteScope(const Context& ctx, const std::string& resource_id,
                         const std::string& scope_id);

}  // namespace gatehouse::service
