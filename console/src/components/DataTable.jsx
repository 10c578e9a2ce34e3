// A table with its loading, error and empty states. Columns: {key, header, render?, className?}.

import { ErrorAlert } from './Alert.jsx';

export function DataTable({ columns, rows, loading, error, empty, caption, rowKey = (r) => r.id }) {
  return (
    <div className="table-wrap" aria-busy={loading ? 'true' : 'false'}>
      <ErrorAlert error={error} />
      <table className="table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.render ? c.render(row) : row[c.key]}
                </td>
              ))}
            </tr>
          ))}
          {!rows.length && (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {loading ? <span className="loading">Loading…</span> : !error && empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {loading && rows.length > 0 && <div className="table-loading" aria-hidden="true" />}
    </div>
  );
}
