// PgBulkCopy: the PostgreSQL fast path of `gatehouse import` — rows streamed with COPY FROM STDIN
// (one round trip per table per batch instead of one per row), each batch in one transaction.
// Users and organizations go straight into their tables (a duplicate id is an error);
// memberships and role assignments go through a temporary staging table and
// INSERT ... ON CONFLICT DO NOTHING, so re-importing them is harmless, as with the repositories.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

using CopyRow = std::vector<std::optional<std::string>>;

class PgBulkCopy {
 public:
  // Connects to `url`; Unavailable if it cannot.
  static Result<std::unique_ptr<PgBulkCopy>> Open(const std::string& url);

  // One batch, in one transaction: users, then organizations, then memberships
  // (organization_id, user_id, created_at), then role assignments (organization_id, user_id,
  // organization_role_id). Column orders: see bulk_copy.cc kUserColumns / kOrganizationColumns.
  Result<void> LoadBatch(const std::vector<CopyRow>& users, const std::vector<CopyRow>& orgs,
                         const std::vector<CopyRow>& memberships, const std::vector<CopyRow>& roles);

 private:
  explicit PgBulkCopy(const std::string& url) : conn_(url) {}
  Result<void> Copy(const std::string& table_and_columns, const std::vector<CopyRow>& rows);

  Connection conn_;
};

}  // namespace gatehouse::store::postgres
