// A labelled search input (the list debounces what is typed before asking the server).

import { useId } from 'react';

export function SearchBox({ value, onChange, label, placeholder, busy = false }) {
  const id = useId();
  return (
    <div className="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder ?? label}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
      />
      {busy && <span className="search-busy" aria-hidden="true" />}
    </div>
  );
}
