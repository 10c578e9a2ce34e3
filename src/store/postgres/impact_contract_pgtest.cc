// Repository contract tests of the impact preview's counts (OrganizationRepo::RoleScopeImpact,
// ScopeImpact) on SQLite and PostgreSQL alike. Run: scripts/pg-test-server.sh run build/pg_tests
#include <gtest/gtest.h>

#include "store/postgres/test_backend.h"

namespace gatehouse::store {
namespace {

using model::RoleType;

// A small hand-counted data set:
//   scopes s1, s2, s3; roles admin {s1, s2}, member {s2}, viewer {}, robot (M2M) {s1}
//   org o1: u1 admin+member, u2 member, u3 viewer, app a1 robot
//   org o2: u1 member, u2 admin
//   org o3: u3 admin
class ImpactContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestBackend>(GetParam());
    if (!db_->Available()) GTEST_SKIP() << "GATEHOUSE_TEST_PG_DSN is not set";
    ASSERT_TRUE(db_->store().Write([](Repos& r) -> Result<void> {
      for (auto id : {"s1", "s2", "s3"}) {
        GH_TRY(r.org_template.InsertScope({id, std::string("scope-") + id, std::nullopt, 1}));
      }
      GH_TRY(r.org_template.InsertRole({"admin", "admin", std::nullopt, RoleType::kUser, 1}));
      GH_TRY(r.org_template.InsertRole({"member", "member", std::nullopt, RoleType::kUser, 1}));
      GH_TRY(r.org_template.InsertRole({"viewer", "viewer", std::nullopt, RoleType::kUser, 1}));
      GH_TRY(r.org_template.InsertRole(
          {"robot", "robot", std::nullopt, RoleType::kMachineToMachine, 1}));
      GH_TRY(r.org_template.AddRoleScopes("admin", {"s1", "s2"}));
      GH_TRY(r.org_template.AddRoleScopes("member", {"s2"}));
      GH_TRY(r.org_template.AddRoleScopes("robot", {"s1"}));
      for (auto id : {"u1", "u2", "u3"}) {
        model::User u;
        u.id = id;
        GH_TRY(r.users.Insert(u));
      }
      model::Application a;
      a.id = "a1";
      a.name = "Robot";
      a.type = model::ApplicationType::kMachineToMachine;
      GH_TRY(r.applications.Insert(a));
      for (auto id : {"o1", "o2", "o3"}) {
        model::Organization o;
        o.id = id;
        o.name = id;
        GH_TRY(r.organizations.Insert(o));
      }
      GH_TRY(r.organizations.AddUsers("o1", {"u1", "u2", "u3"}, 1));
      GH_TRY(r.organizations.AddUsers("o2", {"u1", "u2"}, 1));
      GH_TRY(r.organizations.AddUsers("o3", {"u3"}, 1));
      GH_TRY(r.organizations.AddUserRoles("o1", "u1", {"admin", "member"}));
      GH_TRY(r.organizations.AddUserRoles("o1", "u2", {"member"}));
      GH_TRY(r.organizations.AddUserRoles("o1", "u3", {"viewer"}));
      GH_TRY(r.organizations.AddUserRoles("o2", "u1", {"member"}));
      GH_TRY(r.organizations.AddUserRoles("o2", "u2", {"admin"}));
      GH_TRY(r.organizations.AddUserRoles("o3", "u3", {"admin"}));
      GH_TRY(r.organizations.AddApplications("o1", {"a1"}, 1));
      return r.organizations.AddApplicationRoles("o1", "a1", {"robot"});
    }));
  }

  TemplateImpact RoleImpact(const std::string& role, const std::vector<std::string>& scopes) {
    TemplateImpact out;
    EXPECT_TRUE(db_->store().Read([&](Repos& r) -> Result<void> {
      auto got = r.organizations.RoleScopeImpact(role, scopes);
      if (!got) return Fail(got.error());
      out = *got;
      return Ok();
    }));
    return out;
  }
  TemplateImpact ScopeImpactOf(const std::string& scope) {
    TemplateImpact out;
    EXPECT_TRUE(db_->store().Read([&](Repos& r) -> Result<void> {
      auto got = r.organizations.ScopeImpact(scope);
      if (!got) return Fail(got.error());
      out = *got;
      return Ok();
    }));
    return out;
  }
  static void ExpectCounts(const ImpactCounts& c, int64_t users, int64_t apps, int64_t orgs) {
    EXPECT_EQ(c.users, users);
    EXPECT_EQ(c.applications, apps);
    EXPECT_EQ(c.organizations, orgs);
  }

  std::unique_ptr<testing::TestBackend> db_;
};

TEST_P(ImpactContract, RemovingAScopeFromARoleCountsOnlyMembersWithNoOtherRoleGrantingIt) {
  // admin loses s1: u1@o1 (no other s1), u2@o2, u3@o3 → 3 users, 3 orgs.
  // admin loses s2: u1@o1 keeps it through member; u2@o2, u3@o3 lose it → 2 users, 2 orgs.
  auto impact = RoleImpact("admin", {"s1", "s2", "s1"});
  ASSERT_EQ(impact.scopes.size(), 2u);
  EXPECT_EQ(impact.scopes[0].scope_id, "s1");
  ExpectCounts(impact.scopes[0].counts, 3, 0, 3);
  EXPECT_EQ(impact.scopes[1].scope_id, "s2");
  ExpectCounts(impact.scopes[1].counts, 2, 0, 2);
  ExpectCounts(impact.total, 3, 0, 3);
}

TEST_P(ImpactContract, AddingAScopeToARoleSkipsMembersWhoAlreadyHoldIt) {
  // member gains s1: u1@o1 already has it via admin; u2@o1 and u1@o2 gain → 2 users, 2 orgs.
  auto impact = RoleImpact("member", {"s1"});
  ASSERT_EQ(impact.scopes.size(), 1u);
  ExpectCounts(impact.scopes[0].counts, 2, 0, 2);
  ExpectCounts(impact.total, 2, 0, 2);
  // viewer gains s3: only u3@o1.
  ExpectCounts(RoleImpact("viewer", {"s3"}).total, 1, 0, 1);
}

TEST_P(ImpactContract, MachineToMachineRolesCountApplicationsOnly) {
  auto impact = RoleImpact("robot", {"s1", "s3"});
  ExpectCounts(impact.total, 0, 1, 1);
  ASSERT_EQ(impact.scopes.size(), 2u);
  ExpectCounts(impact.scopes[0].counts, 0, 1, 1);
}

TEST_P(ImpactContract, DeletingAScopeReachesEveryHolderThroughAnyRole) {
  // s1: admin holders u1@o1, u2@o2, u3@o3 + robot a1@o1 → 3 users, 1 app, 3 orgs.
  auto impact = ScopeImpactOf("s1");
  ExpectCounts(impact.total, 3, 1, 3);
  ASSERT_EQ(impact.scopes.size(), 1u);
  // s2: admin + member holders: u1 (o1, o2), u2 (o1, o2), u3 (o3) → 3 users, 3 orgs.
  ExpectCounts(ScopeImpactOf("s2").total, 3, 0, 3);
  // s3: nobody.
  auto none = ScopeImpactOf("s3");
  ExpectCounts(none.total, 0, 0, 0);
  EXPECT_TRUE(none.scopes.empty());
}

TEST_P(ImpactContract, UnknownIdsAndEmptyListsCountNothing) {
  ExpectCounts(RoleImpact("ghost", {"s1"}).total, 0, 0, 0);
  ExpectCounts(RoleImpact("admin", {"ghost"}).total, 0, 0, 0);
  EXPECT_TRUE(RoleImpact("admin", {}).scopes.empty());
  ExpectCounts(ScopeImpactOf("ghost").total, 0, 0, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImpactContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace gatehouse::store
