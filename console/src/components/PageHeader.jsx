// The title block of a page: heading (focused on navigation for screen readers), text, actions.

import { useEffect, useRef } from 'react';

export function PageHeader({ title, description, actions, back }) {
  const ref = useRef(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className="page-header">
      <div>
        {back}
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
