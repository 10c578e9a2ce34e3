// One organization: members (with roles), machine-to-machine applications, settings.

import { ErrorAlert } from '../../components/Alert.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { Tabs } from '../../components/Tabs.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { api, seg } from '../../lib/api.js';
import { ApplicationsTab } from './ApplicationsTab.jsx';
import { MembersTab } from './MembersTab.jsx';
import { SettingsTab } from './SettingsTab.jsx';

export function OrganizationPage({ id, tab }) {
  const org = useAsync(() => api.get(`/organizations/${seg(id)}`), [id]);
  const base = `/organizations/${seg(id)}`;
  const tabs = [
    { id: 'members', label: 'Members', to: base },
    { id: 'applications', label: 'Machine-to-machine apps', to: `${base}/applications` },
    { id: 'settings', label: 'Settings', to: `${base}/settings` },
  ];
  const back = <Link to="/organizations" className="back-link">‹ Organizations</Link>;
  if (org.error) {
    return (
      <>
        <PageHeader title="Organization" back={back} />
        <ErrorAlert error={org.error} />
      </>
    );
  }
  if (!org.data) return <p className="loading">Loading organization…</p>;
  return (
    <>
      <PageHeader title={org.data.name} description={org.data.description || <code className="id">{id}</code>} back={back} />
      <Tabs tabs={tabs} current={tab} label="Organization sections" />
      {tab === 'members' && <MembersTab org={org.data} />}
      {tab === 'applications' && <ApplicationsTab org={org.data} />}
      {tab === 'settings' && <SettingsTab org={org.data} onChanged={org.reload} />}
    </>
  );
}
