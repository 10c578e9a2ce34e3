#include "model/entities.h"

#include <gtest/gtest.h>

namespace gatehouse::model {

TEST(ApplicationType, RoundTripsEveryWireName) {
  for (auto t : {ApplicationType::kTraditional, ApplicationType::kSpa, ApplicationType::kNative,
                 ApplicationType::kMachineToMachine}) {
    EXPECT_EQ(ParseApplicationType(ToString(t)), t);
  }
  EXPECT_FALSE(ParseApplicationType("spa"));
}

TEST(RoleType, RejectsUnknownNames) {
  EXPECT_EQ(ParseRoleType("User"), RoleType::kUser);
  EXPECT_EQ(ParseRoleType("MachineToMachine"), RoleType::kMachineToMachine);
  EXPECT_FALSE(ParseRoleType("Admin"));
}

}  // namespace gatehouse::model
