#include "store/sqlite/organization_sql.h"

#include <gtest/gtest.h>

#include "store/sqlite/organization_template_repo.h"
#include "store/sqlite/organization_test_db.h"

namespace gatehouse::store::sqlite::org_sql {
namespace {

TEST(FoldCase, LowersAsciiAndNonAsciiLetters) {
  EXPECT_EQ(FoldCase("École ÜNÏCÖDÉ ΑΒΓ ЖЗ"), "école ünïcödé αβγ жз");
  EXPECT_EQ(FoldCase("MiXeD 123 %_\\"), "mixed 123 %_\\");
}

TEST(FoldCase, KeepsInvalidUtf8BytesAndEmptyText) {
  EXPECT_EQ(FoldCase(""), "");
  EXPECT_EQ(FoldCase(std::string("A\xff" "B\xc3", 4)), std::string("a\xff" "b\xc3", 4));
}

TEST(LikePattern, EscapesWildcardsAndFoldsCase) {
  EXPECT_EQ(LikePattern(std::string("A%_\\É")), "%a\\%\\_\\\\é%");
  EXPECT_FALSE(LikePattern(std::nullopt));
}

TEST(CaseFoldSearch, FindsNonAsciiNamesWhateverTheirCase) {
  OrganizationTestDb db;
  SqliteOrganizationTemplateRepo repo(db.conn());
  ASSERT_TRUE(repo.InsertScope({"s1", "École:lire", std::nullopt, 1}));
  EXPECT_EQ(repo.ListScopes(std::string("ÉCOLE"), std::nullopt)->total, 1);
  EXPECT_EQ(repo.ListScopes(std::string("école:LIRE"), std::nullopt)->total, 1);
  EXPECT_EQ(repo.ListScopes(std::string("ecole"), std::nullopt)->total, 0);
}

}  // namespace
}  // namespace gatehouse::store::sqlite::org_sql
