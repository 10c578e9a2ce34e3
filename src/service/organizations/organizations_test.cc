#include "service/organizations/organizations.h"

#include "service/organizations/members.h"
#include "service/organizations/organizations_test_fixture.h"

namespace gatehouse::service {
namespace {

using Json = nlohmann::json;
using OrganizationsTest = OrganizationServiceTest;

OrganizationInput Named(std::string name) {
  OrganizationInput in;
  in.name = std::move(name);
  return in;
}

TEST_F(OrganizationsTest, CreatesWithA12CharacterIdAndDefaults) {
  auto org = CreateOrganization(ctx, Named("Acme"));
  ASSERT_TRUE(org);
  EXPECT_EQ(org->id.size(), 12u);
  EXPECT_EQ(org->created_at, clock.NowMillis());
  EXPECT_EQ(org->custom_data, Json::object());
  EXPECT_FALSE(org->description);
  auto found = GetOrganization(ctx, org->id);
  EXPECT_EQ(found->name, "Acme");
}

TEST_F(OrganizationsTest, AllowsDuplicateNames) {
  ASSERT_TRUE(CreateOrganization(ctx, Named("Same")));
  ASSERT_TRUE(CreateOrganization(ctx, Named("Same")));
  EXPECT_EQ(ListOrganizations(ctx, std::string("same"), std::nullopt, false)->total, 2);
}

TEST_F(OrganizationsTest, ValidatesColorAndBrandingAndKeepsOnlyKnownKeys) {
  auto in = Named("Acme");
  in.color = {{"primaryColor", "#A1b2C3"}, {"isDarkModeEnabled", true}, {"extra", 1}};
  in.branding = {{"logoUrl", "https://cdn.example.com/logo.png"}};
  auto org = CreateOrganization(ctx, in);
  ASSERT_TRUE(org);
  EXPECT_EQ(org->color, (Json{{"primaryColor", "#A1b2C3"}, {"isDarkModeEnabled", true}}));
  for (Json bad : {Json{{"primaryColor", "red"}}, Json{{"primaryColor", "#12345"}},
                   Json{{"darkPrimaryColor", 5}}, Json{{"isDarkModeEnabled", "yes"}}}) {
    auto b = Named("Bad");
    b.color = bad;
    ExpectCode(CreateOrganization(ctx, b), "guard.invalid_input");
  }
  for (Json bad : {Json{{"logoUrl", "not a url"}}, Json{{"favicon", "/relative.png"}},
                   Json{{"darkLogoUrl", ""}}}) {
    auto b = Named("Bad");
    b.branding = bad;
    ExpectCode(CreateOrganization(ctx, b), "guard.invalid_input");
  }
  EXPECT_EQ(ListOrganizations(ctx, std::nullopt, std::nullopt, false)->total, 1);
}

TEST_F(OrganizationsTest, PatchReplacesCustomDataWholeAndLeavesTheRest) {
  auto in = Named("Acme");
  in.custom_data = {{"a", 1}, {"b", 2}};
  in.description = "d";
  auto org = CreateOrganization(ctx, in);
  OrganizationPatch patch;
  patch.custom_data = Json{{"c", 3}};
  patch.is_mfa_required = true;
  auto updated = UpdateOrganization(ctx, org->id, patch);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->custom_data, (Json{{"c", 3}}));
  EXPECT_TRUE(updated->is_mfa_required);
  EXPECT_EQ(updated->description, "d");
  EXPECT_EQ(updated->created_at, org->created_at);
  patch = {};
  patch.description = std::optional<std::string>{};
  EXPECT_FALSE(UpdateOrganization(ctx, org->id, patch)->description);
  ExpectCode(UpdateOrganization(ctx, "missing", patch), "entity.not_exists_with_id");
}

TEST_F(OrganizationsTest, DeleteOfAMissingOrganizationIsNotFound) {
  auto org = CreateOrganization(ctx, Named("Acme"));
  ASSERT_TRUE(DeleteOrganization(ctx, org->id));
  ExpectCode(DeleteOrganization(ctx, org->id), "entity.not_found");
  ExpectCode(GetOrganization(ctx, org->id), "entity.not_exists_with_id");
}

TEST_F(OrganizationsTest, ListsNewestFirstWithFeaturedMembersOnRequest) {
  auto first = CreateOrganization(ctx, Named("First"));
  clock.Advance(1000);
  auto second = CreateOrganization(ctx, Named("Second"));
  for (auto id : {"u1", "u2", "u3", "u4"}) db.User(id);
  ASSERT_TRUE(AddOrganizationUsers(ctx, first->id, {"u1", "u2", "u3", "u4"}));
  auto plain = ListOrganizations(ctx, std::nullopt, model::PageRequest{0, 20}, false);
  ASSERT_EQ(plain->items.size(), 2u);
  EXPECT_EQ(plain->items[0].organization.id, second->id);
  EXPECT_FALSE(plain->items[0].users);
  auto featured = ListOrganizations(ctx, std::nullopt, model::PageRequest{0, 20}, true);
  ASSERT_TRUE(featured->items[0].users && featured->items[1].users);
  EXPECT_EQ(featured->items[0].users->users_count, 0);
  EXPECT_EQ(featured->items[1].users->users_count, 4);
  EXPECT_EQ(featured->items[1].users->featured.size(), 3u);
}

TEST_F(OrganizationsTest, ListsTheOrganizationsOfAUserWithTheirRoles) {
  auto org = CreateOrganization(ctx, Named("Acme"));
  db.User("u1");
  ASSERT_TRUE(AddOrganizationUsers(ctx, org->id, {"u1"}));
  auto orgs = OrganizationsOfUser(ctx, "u1");
  ASSERT_TRUE(orgs);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_TRUE((*orgs)[0].roles.empty());
  ExpectCode(OrganizationsOfUser(ctx, "ghost"), "entity.not_exists_with_id");
}

}  // namespace
}  // namespace gatehouse::service
