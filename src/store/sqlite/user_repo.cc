#include "store/sqlite/user_repo.h"

namespace gatehouse::store::sqlite {

Result<void> SqliteUserRepo::Insert(const model::User& /*user*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<void> SqliteUserRepo::Update(const model::User& /*user*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::User>> SqliteUserRepo::Find(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::optional<model::User>> SqliteUserRepo::FindByIdentifier(const std::string& /*identifier*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<model::Page<model::User>> SqliteUserRepo::List(const std::optional<std::string>& /*q*/, const std::optional<model::PageRequest>& /*page*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<bool> SqliteUserRepo::Delete(const std::string& /*id*/) {
  return Fail(Error::Internal("not implemented"));
}

Result<std::vector<std::string>> SqliteUserRepo::ExistingIds(const std::vector<std::string>& /*ids*/) {
  return Fail(Error::Internal("not implemented"));
}

}  // namespace gatehouse::store::sqlite
