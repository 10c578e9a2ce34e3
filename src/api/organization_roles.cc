// Management API routes (API.md "Organization template" / "Organizations"). Skeleton.
#include "api/register.h"

namespace gatehouse::api {

void RegisterOrganizationRoleRoutes(RouteTable& /*routes*/, const service::Context& /*ctx*/) {}

}  // namespace gatehouse::api
