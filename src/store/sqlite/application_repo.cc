#include "store/sqlite/application_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteApplicationRepo::Insert(const model::Application& /*app*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteApplicationRepo::Update(const model::Application& /*app*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Application>> SqliteApplicationRepo::Find(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Application>> SqliteApplicationRepo::List( const std::optional<std::string>& /*q*/, const std::optional<std::string>& /*exclude_organization_id*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteApplicationRepo::Delete(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteApplicationRepo::InsertSecret(const model::ApplicationSecret& /*secret*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::ApplicationSecret>> SqliteApplicationRepo::ListSecrets(const std::string& /*app_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteApplicationRepo::RenameSecret(const std::string& /*app_id*/, const std::string& /*name*/, const std::string& /*new_name*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteApplicationRepo::DeleteSecret(const std::string& /*app_id*/, const std::string& /*name*/) {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
