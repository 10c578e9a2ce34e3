#include "store/sqlite/organization_repo.h"

#include <unordered_map>

#include "store/sqlite/organization_sql.h"

namespace gatehouse::store::sqlite {
namespace {

using namespace org_sql;  // NOLINT: this file's vocabulary

constexpr std::string_view kOrgCols = GH_ORG_COLS;

std::string Sql(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

}  // namespace

SqliteOrganizationRepo::SqliteOrganizationRepo(Connection& c) : c_(c) { RegisterCaseFold(c); }

// ----- organizations -----

Result<void> SqliteOrganizationRepo::Insert(const model::Organization& o) {
  auto r = Exec(c_,
                "INSERT INTO organizations (id, name, description, custom_data, is_mfa_required, "
                "color, branding, custom_css, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [&](Statement& s) {
                  s.Bind(1, o.id).Bind(2, o.name).Bind(3, o.description)
                      .Bind(4, o.custom_data.dump()).Bind(5, o.is_mfa_required)
                      .Bind(6, o.color.dump()).Bind(7, o.branding.dump()).Bind(8, o.custom_css)
                      .Bind(9, o.created_at);
                });
  if (!r) return Fail(r.error());
  return Ok();
}

Result<void> SqliteOrganizationRepo::Update(const model::Organization& o) {
  auto r = Exec(c_,
                "UPDATE organizations SET name = ?, description = ?, custom_data = ?, "
                "is_mfa_required = ?, color = ?, branding = ?, custom_css = ? WHERE id = ?",
                [&](Statement& s) {
                  s.Bind(1, o.name).Bind(2, o.description).Bind(3, o.custom_data.dump())
                      .Bind(4, o.is_mfa_required).Bind(5, o.color.dump())
                      .Bind(6, o.branding.dump()).Bind(7, o.custom_css).Bind(8, o.id);
                });
  if (!r) return Fail(r.error());
  if (*r == 0) return Fail(Error::NotFound("Organization not found."));
  return Ok();
}

Result<std::optional<model::Organization>> SqliteOrganizationRepo::Find(const std::string& id) {
  auto v = Select<model::Organization>(
      c_, Sql({"SELECT ", kOrgCols, " FROM organizations o WHERE o.id = ?"}),
      [&](Statement& s) { s.Bind(1, id); }, OrgAt);
  if (!v) return Fail(v.error());
  if (v->empty()) return std::optional<model::Organization>{};
  return std::optional<model::Organization>(std::move(v->front()));
}

Result<model::Page<model::Organization>> SqliteOrganizationRepo::List(
    const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) {
  auto like = LikePattern(q);
  constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR gh_fold(o.id) LIKE ?1 ESCAPE '\\' OR gh_fold(o.name) LIKE ?1 ESCAPE '\\')";
  // Without `q`, a bare COUNT(*) (SQLite counts b-tree pages, not rows through a predicate).
  auto total = like ? QueryInt(c_, Sql({"SELECT COUNT(*) FROM organizations o", kWhere}),
                               [&](Statement& s) { s.Bind(1, like); })
                    : QueryInt(c_, "SELECT COUNT(*) FROM organizations", [](Statement&) {});
  if (!total) return Fail(total.error());
  auto items = Select<model::Organization>(
      c_,
      Sql({"SELECT ", kOrgCols, " FROM organizations o", kWhere,
           " ORDER BY o.created_at DESC, o.id LIMIT ?2 OFFSET ?3"}),
      [&](Statement& s) { s.Bind(1, like).Bind(2, Limit(page)).Bind(3, Offset(page)); }, OrgAt);
  if (!items) return Fail(items.error());
  return model::Page<model::Organization>{std::move(*items), *total};
}

Result<bool> SqliteOrganizationRepo::Delete(const std::string& id) {
  auto r = Exec(c_, "DELETE FROM organizations WHERE id = ?", [&](Statement& s) { s.Bind(1, id); });
  if (!r) return Fail(r.error());
  return *r > 0;
}

Result<std::vector<OrganizationUsersSummary>> SqliteOrganizationRepo::UsersSummaryOf(
    const std::vector<std::string>& org_ids, int featured_limit) {
  std::vector<OrganizationUsersSummary> out;
  std::unordered_map<std::string, size_t> index;
  std::vector<std::string> distinct;
  for (const auto& id : org_ids) {
    if (index.emplace(id, out.size()).second) {
      out.push_back({id, 0, {}});
      distinct.push_back(id);
    }
  }
  const std::string ids = JsonArray(distinct);
  {
    auto st = c_.Prepare(
        "SELECT organization_id, COUNT(*) FROM organization_users "
        "WHERE organization_id IN (SELECT value FROM json_each(?)) GROUP BY organization_id");
    if (!st) return Fail(st.error());
    ResetOnExit reset{**st};
    (*st)->Bind(1, ids);
    GH_TRY(ForEachRow(**st, [&](Statement& s) { out[index[s.Text(0)]].users_count = s.Int(1); }));
  }
  // The first `featured_limit` members of each organization by user id: a correlated LIMIT on
  // the primary key, so a large organization costs as little as a small one (a window over the
  // whole membership took a second for 100,000 members).
  auto st = c_.Prepare(
      "SELECT o.value, u.id, u.avatar, u.name FROM json_each(?1) o "
      "JOIN organization_users ou ON ou.organization_id = o.value AND ou.user_id IN ("
      "  SELECT f.user_id FROM organization_users f WHERE f.organization_id = o.value "
      "  ORDER BY f.user_id LIMIT ?2) "
      "JOIN users u ON u.id = ou.user_id ORDER BY o.value, u.id");
  if (!st) return Fail(st.error());
  ResetOnExit reset{**st};
  (*st)->Bind(1, ids).Bind(2, featured_limit);
  GH_TRY(ForEachRow(**st, [&](Statement& s) {
    out[index[s.Text(0)]].featured.push_back({s.Text(1), s.OptText(2), s.OptText(3)});
  }));
  return out;
}

}  // namespace gatehouse::store::sqlite
