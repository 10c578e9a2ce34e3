#include "store/postgres/bulk_copy.h"

namespace gatehouse::store::postgres {
namespace {

// COPY text format: tab-separated, \N for NULL, backslash escapes for \ tab newline CR.
void AppendField(std::string& out, const std::optional<std::string>& v) {
  if (!v) {
    out += "\\N";
    return;
  }
  for (char c : *v) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

}  // namespace

Result<std::unique_ptr<PgBulkCopy>> PgBulkCopy::Open(const std::string& url) {
  std::unique_ptr<PgBulkCopy> b(new PgBulkCopy(url));
  if (!b->conn_.ok()) return Fail(Error::Unavailable("cannot connect: " + b->conn_.ErrorMessage()));
  GH_TRY(b->conn_.Exec(
      "CREATE TEMP TABLE import_memberships (organization_id TEXT, user_id TEXT, created_at BIGINT);"
      "CREATE TEMP TABLE import_member_roles (organization_id TEXT, user_id TEXT, "
      "organization_role_id TEXT)"));
  return b;
}

Result<void> PgBulkCopy::Copy(const std::string& target, const std::vector<CopyRow>& rows) {
  if (rows.empty()) return Ok();
  PGconn* pg = conn_.raw();
  PGresult* start = PQexec(pg, ("COPY " + target + " FROM STDIN").c_str());
  bool copying = PQresultStatus(start) == PGRES_COPY_IN;
  std::string why = PQresultErrorMessage(start);
  PQclear(start);
  if (!copying) return Fail(Error::Internal("COPY failed: " + why));
  std::string chunk;
  auto send = [&]() -> bool {
    bool ok = PQputCopyData(pg, chunk.data(), static_cast<int>(chunk.size())) == 1;
    chunk.clear();
    return ok;
  };
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) chunk += '\t';
      AppendField(chunk, row[i]);
    }
    chunk += '\n';
    if (chunk.size() > (1 << 20) && !send()) break;
  }
  if (!chunk.empty()) send();
  PQputCopyEnd(pg, nullptr);
  Result<void> out = Ok();
  while (PGresult* r = PQgetResult(pg)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      std::string msg = PQresultErrorMessage(r);
      if (state && std::string_view(state) == "23505") out = Fail(Error::Conflict("duplicate id: " + msg));
      else if (state && std::string_view(state) == "23503") out = Fail(Error::ForeignKey("unknown reference: " + msg));
      else out = Fail(Error::Internal("COPY failed: " + msg));
    }
    PQclear(r);
  }
  return out;
}

Result<void> PgBulkCopy::LoadBatch(const std::vector<CopyRow>& users, const std::vector<CopyRow>& orgs,
                                   const std::vector<CopyRow>& memberships,
                                   const std::vector<CopyRow>& roles) {
  GH_TRY(conn_.Exec("BEGIN"));
  auto r = [&]() -> Result<void> {
    GH_TRY(Copy("users (id, username, primary_email, primary_phone, name, avatar, custom_data, "
                "password_hash, created_at, updated_at)",
                users));
    GH_TRY(Copy("organizations (id, name, description, custom_data, created_at)", orgs));
    if (!memberships.empty()) {
      GH_TRY(Copy("import_memberships (organization_id, user_id, created_at)", memberships));
      GH_TRY(conn_.Exec("INSERT INTO organization_users (organization_id, user_id, created_at) "
                        "SELECT organization_id, user_id, created_at FROM import_memberships "
                        "ON CONFLICT DO NOTHING; TRUNCATE import_memberships"));
    }
    if (!roles.empty()) {
      GH_TRY(Copy("import_member_roles (organization_id, user_id, organization_role_id)", roles));
      GH_TRY(conn_.Exec("INSERT INTO organization_user_roles (organization_id, user_id, organization_role_id) "
                        "SELECT organization_id, user_id, organization_role_id FROM import_member_roles "
                        "ON CONFLICT DO NOTHING; TRUNCATE import_member_roles"));
    }
    return Ok();
  }();
  if (!r) {
    (void)conn_.Exec("ROLLBACK");
    return r;
  }
  return conn_.Exec("COMMIT");
}

}  // namespace gatehouse::store::postgres
