// Applications (OIDC clients): search, pagination, create (secret shown once).

import { useState } from 'react';

import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { navigate } from '../../hooks/useLocation.js';
import { usePagedList } from '../../hooks/usePagedList.js';
import { formatDate } from '../../lib/format.js';
import { typeLabel } from './appTypes.js';
import { CreateApplicationDialog } from './CreateApplicationDialog.jsx';
import { SecretDialog } from './SecretDialog.jsx';

export function ApplicationsPage() {
  const list = usePagedList('/applications');
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState(null); // {app, secret}
  const columns = [
    {
      key: 'name',
      header: 'Application',
      render: (a) => (
        <>
          <Link to={`/applications/${encodeURIComponent(a.id)}`} className="row-link">{a.name}</Link>
          {a.description && <div className="muted small">{a.description}</div>}
        </>
      ),
    },
    { key: 'type', header: 'Type', render: (a) => typeLabel(a.type) },
    { key: 'id', header: 'Client ID', render: (a) => <code className="id">{a.id}</code> },
    { key: 'createdAt', header: 'Created', render: (a) => formatDate(a.createdAt) },
  ];
  return (
    <>
      <PageHeader title="Applications" description="OIDC clients that sign users in, and services that call APIs with their own credentials."
        actions={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create application</button>} />
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search applications by name, description or ID" placeholder="Search applications" busy={list.searching} />
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Applications"
        empty={list.search ? `No application matches “${list.search}”.` : 'No applications yet.'} />
      <Pager {...list.pager} />
      <CreateApplicationDialog open={creating} onClose={() => setCreating(false)} onCreated={(app, secret) => {
        toast.success(`Application ${app.name} created`);
        list.reload();
        if (secret) setRevealed({ app, secret });
        else navigate(`/applications/${encodeURIComponent(app.id)}`);
      }} />
      <SecretDialog reveal={revealed} onClose={() => {
        const id = revealed.app.id;
        setRevealed(null);
        navigate(`/applications/${encodeURIComponent(id)}`);
      }} />
    </>
  );
}
