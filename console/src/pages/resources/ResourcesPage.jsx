// API resources (RFC 8707 resource indicators): list, create.

import { useState } from 'react';

import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { Pager } from '../../components/Pager.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { navigate } from '../../hooks/useLocation.js';
import { usePagedList } from '../../hooks/usePagedList.js';
import { CreateResourceDialog } from './CreateResourceDialog.jsx';

export function ResourcesPage() {
  const list = usePagedList('/resources');
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const columns = [
    { key: 'name', header: 'API resource', render: (r) => <Link to={`/resources/${encodeURIComponent(r.id)}`} className="row-link">{r.name}</Link> },
    { key: 'indicator', header: 'Indicator', render: (r) => <code>{r.indicator}</code> },
    { key: 'accessTokenTtl', header: 'Token lifetime', className: 'col-num', render: (r) => (r.accessTokenTtl ? `${r.accessTokenTtl} s` : '—') },
  ];
  return (
    <>
      <PageHeader title="API resources" description="Your APIs, named by a resource indicator, and the permissions tokens for them can carry."
        actions={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create API resource</button>} />
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="API resources" empty="No API resources yet." />
      <Pager {...list.pager} />
      <CreateResourceDialog open={creating} onClose={() => setCreating(false)} onCreated={(r) => {
        toast.success(`API resource ${r.name} created`);
        navigate(`/resources/${encodeURIComponent(r.id)}`);
      }} />
    </>
  );
}
