#include "service/resources/resources.h"

namespace gatehouse::service {
namespace {

constexpr int64_t kMaxTtl = 60LL * 60 * 24 * 365;  // seconds: a year is more than anyone needs

Error NotFoundResource(const std::string& id) {
  return Error::NotFound("Resource `" + id + "` does not exist.");
}

Error BuiltIn(std::string_view what) {
  return Error::InvalidInput("The Management API resource cannot be " + std::string(what) + ".",
                             std::string("resource.cannot_") +
                                 (what == "deleted" ? "delete" : "modify") + "_management_api");
}

Result<void> CheckTtl(const std::optional<int64_t>& ttl) {
  if (ttl && (*ttl < 1 || *ttl > kMaxTtl)) {
    return Fail(Error::InvalidInput("Invalid input: `accessTokenTtl` must be from 1 to " +
                                    std::to_string(kMaxTtl) + " seconds."));
  }
  return Ok();
}

Result<void> CheckScopeName(const std::string& name) {
  for (unsigned char c : name) {
    // RFC 6749 §3.3: scope tokens are separated by spaces; no control characters either.
    if (c <= 0x20 || c == 0x7f) {
      return Fail(Error::InvalidInput("Invalid input: `name` must not contain whitespace."));
    }
  }
  return Ok();
}

Result<model::Resource> FindResource(store::Repos& r, const std::string& id) {
  auto found = r.resources.Find(id);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(NotFoundResource(id));
  return std::move(**found);
}

// The scope `scope_id` of resource `resource_id`; `missing` is the error for an absent scope.
Result<model::Scope> FindScopeOf(store::Repos& r, const std::string& resource_id,
                                 const std::string& scope_id, Error missing) {
  auto found = r.resources.FindScope(scope_id);
  if (!found) return Fail(found.error());
  if (!*found || (*found)->resource_id != resource_id) return Fail(std::move(missing));
  return std::move(**found);
}

Result<void> ScopeWrite(const Result<void>& r, const std::string& name) {
  if (!r && r.error().kind == ErrorKind::kConflict) {
    return Fail(
        Error::Conflict("The scope name `" + name + "` is already in use.", "scope.name_exists"));
  }
  return r;
}

}  // namespace

Result<model::Resource> CreateResource(const Context& ctx, const NewResource& input) {
  if (!IsAbsoluteUrl(input.indicator) || input.indicator.find('#') != std::string::npos) {
    return Fail(Error::InvalidInput(
        "Invalid input: `indicator` must be an absolute URI without a fragment."));
  }
  GH_TRY(CheckTtl(input.access_token_ttl));
  model::Resource res{ctx.random.Id(21),
                      input.name,
                      input.indicator,
                      input.access_token_ttl.value_or(3600),
                      false,
                      ctx.clock.NowMillis()};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto inserted = r.resources.Insert(res);
    if (!inserted && inserted.error().kind == ErrorKind::kConflict) {
      return Fail(Error::Conflict("The resource indicator is already in use.",
                                  "resource.resource_identifier_in_use"));
    }
    return inserted;
  }));
  return res;
}

Result<model::Resource> GetResource(const Context& ctx, const std::string& id) {
  model::Resource out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto found = FindResource(r, id);
    if (!found) return Fail(found.error());
    out = std::move(*found);
    return Ok();
  }));
  return out;
}

Result<model::Page<model::Resource>> ListResources(const Context& ctx,
                                                   const std::optional<std::string>& q,
                                                   const std::optional<model::PageRequest>& page) {
  model::Page<model::Resource> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto list = r.resources.List(q, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<model::Resource> UpdateResource(const Context& ctx, const std::string& id,
                                       const ResourcePatch& patch) {
  GH_TRY(CheckTtl(patch.access_token_ttl));
  model::Resource out;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = FindResource(r, id);
    if (!found) return Fail(found.error());
    out = std::move(*found);
    if (out.is_built_in) return Fail(BuiltIn("modified"));
    if (patch.name) out.name = *patch.name;
    if (patch.access_token_ttl) out.access_token_ttl = *patch.access_token_ttl;
    return r.resources.Update(out);
  }));
  return out;
}

Result<void> DeleteResource(const Context& ctx, const std::string& id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto found = r.resources.Find(id);
    if (!found) return Fail(found.error());
    if (!*found) return Fail(Error::NotFoundRelation("Resource `" + id + "` does not exist."));
    if ((*found)->is_built_in) return Fail(BuiltIn("deleted"));
    auto deleted = r.resources.Delete(id);
    if (!deleted) return Fail(deleted.error());
    return Ok();
  });
}

Result<model::Scope> CreateScope(const Context& ctx, const std::string& resource_id,
                                 const std::string& name,
                                 const std::optional<std::string>& description) {
  GH_TRY(CheckScopeName(name));
  model::Scope scope{ctx.random.Id(21), resource_id, name, description, ctx.clock.NowMillis()};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto res = FindResource(r, resource_id);
    if (!res) return Fail(res.error());
    if (res->is_built_in) return Fail(BuiltIn("modified"));
    return ScopeWrite(r.resources.InsertScope(scope), name);
  }));
  return scope;
}

Result<model::Page<model::Scope>> ListScopes(const Context& ctx, const std::string& resource_id,
                                             const std::optional<std::string>& q,
                                             const std::optional<model::PageRequest>& page) {
  model::Page<model::Scope> out;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    GH_TRY(FindResource(r, resource_id));
    auto list = r.resources.ListScopes(resource_id, q, page);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  }));
  return out;
}

Result<model::Scope> UpdateScope(const Context& ctx, const std::string& resource_id,
                                 const std::string& scope_id, const ScopePatch& patch) {
  if (patch.name) GH_TRY(CheckScopeName(*patch.name));
  model::Scope out;
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto res = FindResource(r, resource_id);
    if (!res) return Fail(res.error());
    if (res->is_built_in) return Fail(BuiltIn("modified"));
    auto scope = FindScopeOf(r, resource_id, scope_id,
                             Error::NotFound("Scope `" + scope_id + "` does not exist."));
    if (!scope) return Fail(scope.error());
    out = std::move(*scope);
    if (patch.name) out.name = *patch.name;
    if (patch.description) out.description = *patch.description;
    return ScopeWrite(r.resources.UpdateScope(out), out.name);
  }));
  return out;
}

Result<void> DeleteScope(const Context& ctx, const std::string& resource_id,
                         const std::string& scope_id) {
  return ctx.store.Write([&](store::Repos& r) -> Result<void> {
    auto res = FindResource(r, resource_id);
    if (!res && res.error().kind == ErrorKind::kNotFound) {
      return Fail(Error::NotFoundRelation(res.error().message));  // API.md: DELETE → not_found
    }
    if (!res) return Fail(res.error());
    if (res->is_built_in) return Fail(BuiltIn("modified"));
    GH_TRY(FindScopeOf(r, resource_id, scope_id,
                       Error::NotFoundRelation("Scope `" + scope_id + "` does not exist.")));
    auto deleted = r.resources.DeleteScope(scope_id);
    if (!deleted) return Fail(deleted.error());
    return Ok();
  });
}

}  // namespace gatehouse::service
