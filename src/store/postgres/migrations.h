// The numbered schema migrations of the PostgreSQL backend: the same tables, columns, keys and
// cascades as store/sqlite's migrations (doc/schema.md), in PostgreSQL types, plus the change
// notifications of the fleet (doc/operations.md). A migration is never edited once released.
#pragma once

#include <string_view>
#include <vector>

namespace gatehouse::store::postgres {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations in ascending version order. Each runs in one transaction.
const std::vector<Migration>& Migrations();

// The LISTEN/NOTIFY channel the triggers of migration 001 notify on commit; the payload is a
// topic ("template", "keys", "applications", "resources", "roles", "users", "organizations",
// "memberships").
inline constexpr std::string_view kChangeChannel = "gatehouse_changes";

}  // namespace gatehouse::store::postgres
