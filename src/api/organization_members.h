// Management API: organization members and M2M applications (API.md "Organizations"), called
// from RegisterOrganizationRoutes.
#pragma once

#include "api/route_table.h"
#include "service/context.h"

namespace gatehouse::api {

// /organizations/:id/users, /users/roles, /users/:userId/roles, /users/:userId/scopes.
void RegisterOrganizationMemberRoutes(RouteTable& routes, const service::Context& ctx);
// /organizations/:id/applications, /applications/roles, /applications/:applicationId/roles.
void RegisterOrganizationApplicationRoutes(RouteTable& routes, const service::Context& ctx);

}  // namespace gatehouse::api
