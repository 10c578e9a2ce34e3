#include "store/sqlite/organization_template_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteOrganizationTemplateRepo::InsertScope(const model::OrganizationScope&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::UpdateScope(const model::OrganizationScope&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::OrganizationScope>> SqliteOrganizationTemplateRepo::FindScope(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::OrganizationScope>> SqliteOrganizationTemplateRepo::ListScopes(const std::optional<std::string>&, const std::optional<model::PageRequest>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationTemplateRepo::DeleteScope(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationTemplateRepo::FindScopes(const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::InsertRole(const model::OrganizationRole&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::UpdateRole(const model::OrganizationRole&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRole(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::OrganizationRole>> SqliteOrganizationTemplateRepo::ListRoles(const std::optional<std::string>&, const std::optional<model::PageRequest>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationTemplateRepo::DeleteRole(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRoles(const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationTemplateRepo::FindRolesByName(const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::AddRoleScopes(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::ReplaceRoleScopes(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationTemplateRepo::RemoveRoleScope(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationTemplateRepo::ListRoleScopes(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::AddRoleResourceScopes(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationTemplateRepo::ReplaceRoleResourceScopes(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationTemplateRepo::RemoveRoleResourceScope(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::Scope>> SqliteOrganizationTemplateRepo::ListRoleResourceScopes(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<RoleScopeRow>> SqliteOrganizationTemplateRepo::RoleScopesOf(const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<RoleResourceScopeRow>> SqliteOrganizationTemplateRepo::RoleResourceScopesOf(const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<int64_t> SqliteOrganizationTemplateRepo::Version() {
  return Fail(Error::Internal("not implemented"));
}

Result<TemplateRows> SqliteOrganizationTemplateRepo::LoadAll() {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
