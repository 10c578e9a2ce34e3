// The organization template: roles, permissions and the role × permission matrix. Every
// change here applies to all organizations at once.

import { PageHeader } from '../../components/PageHeader.jsx';
import { Tabs } from '../../components/Tabs.jsx';
import { MatrixTab } from './MatrixTab.jsx';
import { PermissionsTab } from './PermissionsTab.jsx';
import { RolesTab } from './RolesTab.jsx';

const TABS = [
  { id: 'roles', label: 'Roles', to: '/template/roles' },
  { id: 'permissions', label: 'Permissions', to: '/template/permissions' },
  { id: 'matrix', label: 'Role × permission matrix', to: '/template/matrix' },
];

export function TemplatePage({ tab }) {
  return (
    <>
      <PageHeader
        title="Organization template"
        description="The roles and permissions every organization shares. A change here applies to all organizations at once."
      />
      <Tabs tabs={TABS} current={tab} label="Template sections" />
      {tab === 'roles' && <RolesTab />}
      {tab === 'permissions' && <PermissionsTab />}
      {tab === 'matrix' && <MatrixTab />}
    </>
  );
}
