// A labelled form control with an optional hint; the label is tied to the control by id.

import { useId } from 'react';

/** `as` is "input" (default), "textarea" or "select"; other props go to the control. */
export function Field({ label, hint, as: Control = 'input', children, ...props }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Control id={id} aria-describedby={hintId} {...props}>
        {children}
      </Control>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
