// The Console's pages by path (inside /console). First match wins.

import { ApplicationPage } from './pages/applications/ApplicationPage.jsx';
import { ApplicationsPage } from './pages/applications/ApplicationsPage.jsx';
import { ExplainPage } from './pages/organizations/ExplainPage.jsx';
import { OrganizationPage } from './pages/organizations/OrganizationPage.jsx';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage.jsx';
import { ResourcePage } from './pages/resources/ResourcePage.jsx';
import { ResourcesPage } from './pages/resources/ResourcesPage.jsx';
import { TemplatePage } from './pages/template/TemplatePage.jsx';
import { UserPage } from './pages/users/UserPage.jsx';
import { UsersPage } from './pages/users/UsersPage.jsx';

export const NAV = [
  { to: '/template', label: 'Organization template', icon: 'template' },
  { to: '/organizations', label: 'Organizations', icon: 'organizations' },
  { to: '/users', label: 'Users', icon: 'users' },
  { to: '/applications', label: 'Applications', icon: 'applications' },
  { to: '/resources', label: 'API resources', icon: 'resources' },
];

export const routes = [
  { path: '/template/:tab?', render: (p) => <TemplatePage tab={p.tab ?? 'roles'} /> },
  { path: '/organizations', render: () => <OrganizationsPage /> },
  { path: '/organizations/:id/members/:userId', render: (p) => <ExplainPage key={p.id + p.userId} orgId={p.id} userId={p.userId} /> },
  { path: '/organizations/:id/:tab?', render: (p) => <OrganizationPage key={p.id} id={p.id} tab={p.tab ?? 'members'} /> },
  { path: '/users', render: () => <UsersPage /> },
  { path: '/users/:id', render: (p) => <UserPage key={p.id} id={p.id} /> },
  { path: '/applications', render: () => <ApplicationsPage /> },
  { path: '/applications/:id', render: (p) => <ApplicationPage key={p.id} id={p.id} /> },
  { path: '/resources', render: () => <ResourcesPage /> },
  { path: '/resources/:id', render: (p) => <ResourcePage key={p.id} id={p.id} /> },
];
