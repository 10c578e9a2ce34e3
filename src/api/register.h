// Registration of every Management API route (one Register* function per resource file).
#pragma once

#include "api/route_table.h"
#include "service/context.h"

namespace gatehouse::api {

// Users, applications (+secrets), API resources (+scopes), global roles.
void RegisterUserRoutes(RouteTable& routes, const service::Context& ctx);
void RegisterApplicationRoutes(RouteTable& routes, const service::Context& ctx);
void RegisterResourceRoutes(RouteTable& routes, const service::Context& ctx);
void RegisterRoleRoutes(RouteTable& routes, const service::Context& ctx);

// Organization template, organizations, members, member roles, M2M applications.
void RegisterOrganizationScopeRoutes(RouteTable& routes, const service::Context& ctx);
void RegisterOrganizationRoleRoutes(RouteTable& routes, const service::Context& ctx);
void RegisterOrganizationRoutes(RouteTable& routes, const service::Context& ctx);

// The Console's read-only insights: membership explain, template impact preview.
void RegisterInsightRoutes(RouteTable& routes, const service::Context& ctx);

// All of the above.
void RegisterAll(RouteTable& routes, const service::Context& ctx);

}  // namespace gatehouse::api
