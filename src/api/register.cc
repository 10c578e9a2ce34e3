#include "api/register.h"

namespace gatehouse::api {

void RegisterAll(RouteTable& routes, const service::Context& ctx) {
  RegisterUserRoutes(routes, ctx);
  RegisterApplicationRoutes(routes, ctx);
  RegisterResourceRoutes(routes, ctx);
  RegisterRoleRoutes(routes, ctx);
  RegisterOrganizationScopeRoutes(routes, ctx);
  RegisterOrganizationRoleRoutes(routes, ctx);
  RegisterOrganizationRoutes(routes, ctx);
  RegisterInsightRoutes(routes, ctx);
}

}  // namespace gatehouse::api
