#include "store/sqlite/organization_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteOrganizationRepo::Insert(const model::Organization&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::Update(const model::Organization&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Organization>> SqliteOrganizationRepo::Find(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Organization>> SqliteOrganizationRepo::List(const std::optional<std::string>&, const std::optional<model::PageRequest>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::Delete(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<OrganizationUsersSummary>> SqliteOrganizationRepo::UsersSummaryOf(const std::vector<std::string>&, int) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddUsers(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::ReplaceUsers(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::RemoveUser(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<std::string>> SqliteOrganizationRepo::UserIds(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::IsMember(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::User>> SqliteOrganizationRepo::ListUsers(const std::string&, const std::optional<std::string>&, const std::optional<std::string>&, const std::optional<model::PageRequest>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddUserRoles(const std::string&, const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddUsersRoles(const std::string&, const std::vector<std::string>&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::ReplaceUserRoles(const std::string&, const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::RemoveUserRole(const std::string&, const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationRepo::UserRoles(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<MemberRoleRow>> SqliteOrganizationRepo::UsersRolesOf(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<std::vector<std::string>>> SqliteOrganizationRepo::UserRoleIds(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationScope>> SqliteOrganizationRepo::UserScopes(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::Organization>> SqliteOrganizationRepo::OrganizationsOfUser(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<OrganizationRoleRow>> SqliteOrganizationRepo::OrganizationRolesOfUser(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddApplications(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::ReplaceApplications(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::RemoveApplication(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<std::string>> SqliteOrganizationRepo::ApplicationIds(const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::IsApplicationMember(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Application>> SqliteOrganizationRepo::ListApplications(const std::string&, const std::optional<std::string>&, const std::optional<model::PageRequest>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddApplicationRoles(const std::string&, const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::AddApplicationsRoles(const std::string&, const std::vector<std::string>&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteOrganizationRepo::ReplaceApplicationRoles(const std::string&, const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteOrganizationRepo::RemoveApplicationRole(const std::string&, const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::OrganizationRole>> SqliteOrganizationRepo::ApplicationRoles(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<MemberRoleRow>> SqliteOrganizationRepo::ApplicationsRolesOf(const std::string&, const std::vector<std::string>&) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<std::vector<std::string>>> SqliteOrganizationRepo::ApplicationRoleIds(const std::string&, const std::string&) {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
