// An <a> to a Console path that navigates without reloading the page.

import { navigate } from '../hooks/useLocation.js';
import { BASE } from '../lib/router.js';

export function Link({ to, children, ...props }) {
  const onClick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={BASE + to} onClick={onClick} {...props}>
      {children}
    </a>
  );
}
