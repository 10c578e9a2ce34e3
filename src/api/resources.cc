// Management API routes of API.md "resources". Skeleton.
#include "api/register.h"

namespace gatehouse::api {

void RegisterResourceRoutes(RouteTable& /*routes*/, const service::Context& /*ctx*/) {}

}  // namespace gatehouse::api
