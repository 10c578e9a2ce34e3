// The seed scenario (PRODUCT.md §2) for the explain and impact-preview service tests:
//   template: admin {add:member, remove:member, read:resource} + resource scope api/read:data,
//             member {read:resource, invite:member}, auditor {} (User); bot {read:resource} (M2M);
//             scope unused (no role)
//   org A: alice admin, bob member, robot bot; org B: alice member; org C: no members
//   carol: a user in no organization
#pragma once

#include "service/organizations/organizations_test_fixture.h"

namespace gatehouse::service {

class InsightsTest : public OrganizationServiceTest {
 protected:
  void SetUp() override {
    db.User("alice");
    db.User("bob");
    db.User("carol");
    db.App("robot");
    db.Resource("api", "Data API", "https://data.example");
    db.ResourceScope("rd", "api", "read:data");
    ASSERT_TRUE(store.Write([](store::Repos& r) -> Result<void> {
      for (auto name :
           {"add:member", "remove:member", "read:resource", "invite:member", "unused"}) {
        GH_TRY(r.org_template.InsertScope(
            {std::string("s-") + name, name, "about " + std::string(name), 1}));
      }
      auto role = [&](const char* id, model::RoleType type) {
        return r.org_template.InsertRole({id, id, std::nullopt, type, 1});
      };
      GH_TRY(role("admin", model::RoleType::kUser));
      GH_TRY(role("member", model::RoleType::kUser));
      GH_TRY(role("auditor", model::RoleType::kUser));
      GH_TRY(role("bot", model::RoleType::kMachineToMachine));
      GH_TRY(r.org_template.AddRoleScopes("admin",
                                          {"s-add:member", "s-remove:member", "s-read:resource"}));
      GH_TRY(r.org_template.AddRoleResourceScopes("admin", {"rd"}));
      GH_TRY(r.org_template.AddRoleScopes("member", {"s-read:resource", "s-invite:member"}));
      GH_TRY(r.org_template.AddRoleScopes("bot", {"s-read:resource"}));
      for (auto id : {"A", "B", "C"}) {
        model::Organization o;
        o.id = id;
        o.name = std::string("Org ") + id;
        GH_TRY(r.organizations.Insert(o));
      }
      GH_TRY(r.organizations.AddUsers("A", {"alice", "bob"}, 1));
      GH_TRY(r.organizations.AddUsers("B", {"alice"}, 1));
      GH_TRY(r.organizations.AddUserRoles("A", "alice", {"admin"}));
      GH_TRY(r.organizations.AddUserRoles("A", "bob", {"member"}));
      GH_TRY(r.organizations.AddUserRoles("B", "alice", {"member"}));
      GH_TRY(r.organizations.AddApplications("A", {"robot"}, 1));
      return r.organizations.AddApplicationRoles("A", "robot", {"bot"});
    }));
  }
};

}  // namespace gatehouse::service
