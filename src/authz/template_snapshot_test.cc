#include "authz/template_snapshot.h"

#include <gtest/gtest.h>

namespace gatehouse::authz {
namespace {

std::vector<std::string> Names(const TemplateSnapshot& s, const std::vector<uint32_t>& idx) {
  std::vector<std::string> out;
  for (auto i : idx) out.push_back(s.OrganizationScopeName(i));
  return out;
}

TEST(TemplateSnapshot, FindsRolesByIdWithTheirScopesSortedAndDistinct) {
  auto snap = TemplateSnapshot::Build(
      7, {{"r1", "admin", model::RoleType::kUser, {"b", "a", "b"}, {}}});
  EXPECT_EQ(snap->version(), 7);
  ASSERT_EQ(snap->role_count(), 1u);
  const auto* role = snap->FindRole("r1");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->name, "admin");
  EXPECT_EQ(Names(*snap, role->scopes), (std::vector<std::string>{"a", "b"}));
}

TEST(TemplateSnapshot, ReturnsNullForAnUnknownRole) {
  auto snap = TemplateSnapshot::Build(1, {});
  EXPECT_EQ(snap->FindRole("nope"), nullptr);
  EXPECT_EQ(snap->FindRole(""), nullptr);
}

TEST(TemplateSnapshot, GroupsResourceScopesByIndicator) {
  auto snap = TemplateSnapshot::Build(
      1, {{"r1", "dev", model::RoleType::kUser, {},
           {{"https://api", "write"}, {"https://api", "read"}, {"https://other", "read"}}}});
  const auto* role = snap->FindRole("r1");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(role->resource_scopes.size(), 2u);
  const auto& api = role->resource_scopes.at("https://api");
  ASSERT_EQ(api.size(), 2u);
  EXPECT_EQ(snap->ResourceScopeName(api[0]), "read");
  EXPECT_EQ(snap->ResourceScopeName(api[1]), "write");
}

TEST(TemplateSnapshot, KeepsTheLastDefinitionOfADuplicateRoleId) {
  auto snap = TemplateSnapshot::Build(1, {{"r1", "old", model::RoleType::kUser, {"a"}, {}},
                                          {"r1", "new", model::RoleType::kUser, {"b"}, {}}});
  ASSERT_EQ(snap->role_count(), 1u);
  EXPECT_EQ(snap->FindRole("r1")->name, "new");
  EXPECT_EQ(Names(*snap, snap->FindRole("r1")->scopes), (std::vector<std::string>{"b"}));
}

TEST(TemplateSnapshot, TreatsUnicodeAndSqlLookingNamesAsPlainText) {
  auto snap = TemplateSnapshot::Build(
      1, {{"x'; DROP TABLE t;--", "ロール", model::RoleType::kUser, {"読む", "a%_\\"}, {}}});
  const auto* role = snap->FindRole("x'; DROP TABLE t;--");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(Names(*snap, role->scopes), (std::vector<std::string>{"a%_\\", "読む"}));
}

}  // namespace
}  // namespace gatehouse::authz
