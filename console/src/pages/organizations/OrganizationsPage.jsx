// Organizations: server-side search and pagination (there may be millions), create.

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
import { OrganizationDialog } from './OrganizationDialog.jsx';

const FEATURED = { showFeatured: 'true' };

export function OrganizationsPage() {
  const list = usePagedList('/organizations', { filters: FEATURED });
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const columns = [
    {
      key: 'name',
      header: 'Organization',
      render: (o) => (
        <>
          <Link to={`/organizations/${encodeURIComponent(o.id)}`} className="row-link">{o.name}</Link>
          {o.description && <div className="muted small">{o.description}</div>}
        </>
      ),
    },
    { key: 'id', header: 'ID', render: (o) => <code className="id">{o.id}</code> },
    { key: 'usersCount', header: 'Members', className: 'col-num', render: (o) => (o.usersCount ?? '—').toLocaleString('en-US') },
    { key: 'createdAt', header: 'Created', render: (o) => formatDate(o.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Tenants of your application. Each one uses the roles and permissions of the organization template."
        actions={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create organization</button>}
      />
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search organizations by name or ID" placeholder="Search by name or ID" busy={list.searching} />
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Organizations"
        empty={list.search ? `No organization matches “${list.search}”.` : 'No organizations yet. Create the first one.'} />
      <Pager {...list.pager} />
      <OrganizationDialog open={creating} onClose={() => setCreating(false)} onSaved={(org) => {
        toast.success(`Created ${org.name}`);
        navigate(`/organizations/${encodeURIComponent(org.id)}`);
      }} />
    </>
  );
}
