// Management API routes of API.md "roles". Skeleton.
#include "api/register.h"

namespace gatehouse::api {

void RegisterRoleRoutes(RouteTable& /*routes*/, const service::Context& /*ctx*/) {}

}  // namespace gatehouse::api
