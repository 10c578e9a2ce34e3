#include "model/entities.h"

namespace gatehouse::model {

std::string_view ToString(ApplicationType t) {
  switch (t) {
    case ApplicationType::kTraditional: return "Traditional";
    case ApplicationType::kSpa: return "SPA";
    case ApplicationType::kNative: return "Native";
    case ApplicationType::kMachineToMachine: return "MachineToMachine";
  }
  return "Traditional";
}

std::optional<ApplicationType> ParseApplicationType(std::string_view s) {
  if (s == "Traditional") return ApplicationType::kTraditional;
  if (s == "SPA") return ApplicationType::kSpa;
  if (s == "Native") return ApplicationType::kNative;
  if (s == "MachineToMachine") return ApplicationType::kMachineToMachine;
  return std::nullopt;
}

std::string_view ToString(RoleType t) {
  return t == RoleType::kUser ? "User" : "MachineToMachine";
}

std::optional<RoleType> ParseRoleType(std::string_view s) {
  if (s == "User") return RoleType::kUser;
  if (s == "MachineToMachine") return RoleType::kMachineToMachine;
  return std::nullopt;
}

}  // namespace gatehouse::model
