// Management API routes of API.md "applications". Skeleton.
#include "api/register.h"

namespace gatehouse::api {

void RegisterApplicationRoutes(RouteTable& /*routes*/, const service::Context& /*ctx*/) {}

}  // namespace gatehouse::api
