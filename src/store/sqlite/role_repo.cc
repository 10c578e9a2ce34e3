#include "store/sqlite/role_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteRoleRepo::Insert(const model::Role& /*role*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteRoleRepo::Update(const model::Role& /*role*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Role>> SqliteRoleRepo::Find(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Role>> SqliteRoleRepo::List(const std::optional<std::string>& /*q*/, const std::optional<model::RoleType>& /*type*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteRoleRepo::Delete(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteRoleRepo::AddScopes(const std::string& /*role_id*/, const std::vector<std::string>& /*ids*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::Scope>> SqliteRoleRepo::ListScopes(const std::string& /*role_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteRoleRepo::RemoveScope(const std::string& /*role_id*/, const std::string& /*scope_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteRoleRepo::AddUsers(const std::string& /*role_id*/, const std::vector<std::string>& /*ids*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::User>> SqliteRoleRepo::ListUsers(const std::string& /*role_id*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteRoleRepo::RemoveUser(const std::string& /*role_id*/, const std::string& /*user_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteRoleRepo::AddApplications(const std::string& /*role_id*/, const std::vector<std::string>& /*ids*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Application>> SqliteRoleRepo::ListApplications( const std::string& /*role_id*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteRoleRepo::RemoveApplication(const std::string& /*role_id*/, const std::string& /*app_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<std::string>> SqliteRoleRepo::ApplicationResourceScopes( const std::string& /*app_id*/, const std::string& /*resource_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<std::string>> SqliteRoleRepo::UserResourceScopes(const std::string& /*user_id*/, const std::string& /*resource_id*/) {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
