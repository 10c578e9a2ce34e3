#include "authz/permissions.h"

#include <gtest/gtest.h>

#include <map>

namespace gatehouse::authz {
namespace {

using Strings = std::vector<std::string>;
using model::RoleType;

// The seed's template (PRODUCT.md §2): admin and member, applying to every organization.
std::vector<RoleDefinition> SeedTemplate() {
  return {
      {"role-admin", "admin", RoleType::kUser,
       {"add:member", "remove:member", "change:role", "read:resource"},
       {{"https://api.example.com", "delete:files"}}},
      {"role-member", "member", RoleType::kUser, {"read:resource", "invite:member"}, {}},
  };
}

// Memberships of the seed: (organization, user) → role ids. Only this changes per organization.
std::map<std::pair<std::string, std::string>, Strings> SeedMemberships() {
  return {{{"org-a", "alice"}, {"role-admin"}},
          {{"org-a", "bob"}, {"role-member"}},
          {{"org-b", "alice"}, {"role-member"}}};
}

// What the token endpoint does for a user organization token with an explicit scope.
// nullopt: not a member.
std::optional<ScopeDecision> OrganizationToken(const TemplateSnapshot& snap,
                                               const std::string& org, const std::string& user,
                                               Strings requested) {
  auto members = SeedMemberships();
  auto it = members.find({org, user});
  if (it == members.end()) return std::nullopt;
  auto held = OrganizationScopes(snap, PrincipalKind::kUser, it->second);
  return DecideScopes(held, requested, std::nullopt);
}

TEST(SeedScenario, AliceGetsRemoveMemberInOrganizationA) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  auto d = OrganizationToken(*snap, "org-a", "alice", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->denied);
  EXPECT_EQ(d->scopes, Strings{"remove:member"});
}

TEST(SeedScenario, BobIsDeniedRemoveMemberInOrganizationA) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  auto d = OrganizationToken(*snap, "org-a", "bob", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->denied);
  EXPECT_TRUE(d->scopes.empty());
}

TEST(SeedScenario, AliceIsDeniedRemoveMemberInOrganizationB) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  auto d = OrganizationToken(*snap, "org-b", "alice", {"remove:member"});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->denied);
}

TEST(SeedScenario, BobIsNotAMemberOfOrganizationB) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  EXPECT_FALSE(OrganizationToken(*snap, "org-b", "bob", {"read:resource"}));
}

TEST(SeedScenario, AddingDeveloperToTheTemplateAppliesToEveryOrganizationAtOnce) {
  auto before = TemplateSnapshot::Build(1, SeedTemplate());
  auto roles = SeedTemplate();
  roles.push_back({"role-dev", "developer", RoleType::kUser, {"deploy:app", "read:resource"}, {}});
  auto after = TemplateSnapshot::Build(2, roles);
  // A member assigned `developer` in any organization holds its permissions with the new
  // snapshot; nothing per organization was rebuilt.
  for (const char* org : {"org-a", "org-b", "org-z"}) {
    (void)org;
    Strings role_ids = {"role-dev"};
    EXPECT_TRUE(OrganizationScopes(*before, PrincipalKind::kUser, role_ids).empty());
    EXPECT_EQ(OrganizationScopes(*after, PrincipalKind::kUser, role_ids),
              (Strings{"deploy:app", "read:resource"}));
  }
}

TEST(OrganizationScopes, UnionsTheScopesOfEveryRoleSortedAndDistinct) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  Strings roles = {"role-member", "role-admin"};
  EXPECT_EQ(OrganizationScopes(*snap, PrincipalKind::kUser, roles),
            (Strings{"add:member", "change:role", "invite:member", "read:resource",
                     "remove:member"}));
}

TEST(OrganizationScopes, AMemberWithoutRolesHoldsNothing) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  EXPECT_TRUE(OrganizationScopes(*snap, PrincipalKind::kUser, Strings{}).empty());
}

TEST(OrganizationScopes, IgnoresRoleIdsNoLongerInTheTemplate) {
  auto snap = TemplateSnapshot::Build(1, SeedTemplate());
  Strings roles = {"deleted-role", "role-member"};
  EXPECT_EQ(OrganizationScopes(*snap, PrincipalKind::kUser, roles),
            (Strings{"invite:member", "read:resource"}));
}

TEST(OrganizationScopes, GrantsAUserNothingFromMachineToMachineRolesAndViceVersa) {
  auto snap = TemplateSnapshot::Build(
      1, {{"m2m", "robot", RoleType::kMachineToMachine, {"sync:data"}, {}},
          {"usr", "human", RoleType::kUser, {"read:resource"}, {}}});
  Strings both = {"m2m", "usr"};
  EXPECT_EQ(OrganizationScopes(*snap, PrincipalKind::kUser, both), Strings{"read:resource"});
  EXPECT_EQ(OrganizationScopes(*snap, PrincipalKind::kApplication, both), Strings{"sync:data"});
}

TEST(ResourceScopes, ReturnsOnlyTheScopesOfTheRequestedIndicator) {
  auto snap = TemplateSnapshot::Build(
      1, {{"r1", "dev", RoleType::kUser, {},
           {{"https://api", "write"}, {"https://api", "read"}, {"https://other", "admin"}}},
          {"r2", "viewer", RoleType::kUser, {}, {{"https://api", "read"}}}});
  Strings roles = {"r1", "r2"};
  EXPECT_EQ(ResourceScopes(*snap, PrincipalKind::kUser, roles, "https://api"),
            (Strings{"read", "write"}));
  EXPECT_EQ(ResourceScopes(*snap, PrincipalKind::kUser, roles, "https://other"),
            Strings{"admin"});
  EXPECT_TRUE(ResourceScopes(*snap, PrincipalKind::kUser, roles, "https://none").empty());
  EXPECT_TRUE(ResourceScopes(*snap, PrincipalKind::kApplication, roles, "https://api").empty());
}

TEST(DecideScopes, IssuesTheHeldPartOfAnExplicitRequest) {
  Strings held = {"a", "b", "c"};
  auto d = DecideScopes(held, Strings{"c", "x", "a"}, std::nullopt);
  EXPECT_FALSE(d.denied);
  EXPECT_EQ(d.scopes, (Strings{"a", "c"}));
}

TEST(DecideScopes, DeniesAnExplicitRequestOfNothingHeld) {
  Strings held = {"a"};
  auto d = DecideScopes(held, Strings{"x", "y"}, std::nullopt);
  EXPECT_TRUE(d.denied);
  EXPECT_TRUE(d.scopes.empty());
}

TEST(DecideScopes, DeniesAnExplicitRequestWhenNothingIsHeld) {
  auto d = DecideScopes(Strings{}, Strings{"a"}, Strings{"a"});
  EXPECT_TRUE(d.denied);
}

TEST(DecideScopes, WithoutExplicitScopeIssuesHeldWithinTheRefreshTokenScopes) {
  Strings held = {"a", "b", "c"};
  auto d = DecideScopes(held, std::nullopt,
                        Strings{"openid", "offline_access", "urn:logto:scope:organizations", "b",
                                "c"});
  EXPECT_FALSE(d.denied);
  EXPECT_EQ(d.scopes, (Strings{"b", "c"}));
}

TEST(DecideScopes, WithoutExplicitScopeAnEmptyResultIsAValidEmptyGrant) {
  Strings held = {"a"};
  auto d = DecideScopes(held, std::nullopt, Strings{"openid"});
  EXPECT_FALSE(d.denied);
  EXPECT_TRUE(d.scopes.empty());
}

TEST(DecideScopes, WithoutExplicitScopeOrCeilingAnApplicationGetsEverythingHeld) {
  Strings held = {"b", "a", "b"};
  auto d = DecideScopes(held, std::nullopt, std::nullopt);
  EXPECT_FALSE(d.denied);
  EXPECT_EQ(d.scopes, (Strings{"a", "b"}));
}

TEST(DecideScopes, AnEmptyScopeParameterCountsAsNoExplicitRequest) {
  Strings held = {"a"};
  auto d = DecideScopes(held, Strings{}, std::nullopt);
  EXPECT_FALSE(d.denied);
  EXPECT_EQ(d.scopes, Strings{"a"});
}

TEST(DecideScopes, RepeatedRequestedScopesAreIssuedOnce) {
  Strings held = {"a"};
  auto d = DecideScopes(held, Strings{"a", "a"}, std::nullopt);
  EXPECT_EQ(d.scopes, Strings{"a"});
}

}  // namespace
}  // namespace gatehouse::authz
