#include "store/sqlite/resource_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteResourceRepo::Insert(const model::Resource& /*resource*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteResourceRepo::Update(const model::Resource& /*resource*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Resource>> SqliteResourceRepo::Find(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Resource>> SqliteResourceRepo::FindByIndicator(const std::string& /*indicator*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Resource>> SqliteResourceRepo::List(const std::optional<std::string>& /*q*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteResourceRepo::Delete(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteResourceRepo::InsertScope(const model::Scope& /*scope*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteResourceRepo::UpdateScope(const model::Scope& /*scope*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::Scope>> SqliteResourceRepo::FindScope(const std::string& /*scope_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::Scope>> SqliteResourceRepo::ListScopes( const std::string& /*resource_id*/, const std::optional<std::string>& /*q*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteResourceRepo::DeleteScope(const std::string& /*scope_id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<model::Scope>> SqliteResourceRepo::FindScopes(const std::vector<std::string>& /*ids*/) {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
