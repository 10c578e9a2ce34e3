// The numbered schema migrations of the SQLite backend (doc/schema.md documents every column).
// A migration is never edited once released: a change is a new, higher-numbered migration.
#pragma once

#include <string_view>
#include <vector>

namespace gatehouse::store::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations in ascending version order.
const std::vector<Migration>& Migrations();

}  // namespace gatehouse::store::sqlite
