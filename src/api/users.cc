// Management API routes of API.md "users". Skeleton.
#include "api/register.h"

namespace gatehouse::api {

void RegisterUserRoutes(RouteTable& /*routes*/, const service::Context& /*ctx*/) {}

}  // namespace gatehouse::api
