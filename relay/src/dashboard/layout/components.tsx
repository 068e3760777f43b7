import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { formatDateTime } from '../format';
import type { Lang, Messages } from '../i18n/index';

export type FieldErrors = Record<string, string | undefined>;

export const Notice: FC<PropsWithChildren<{ kind: 'success' | 'info' | 'warning' | 'error'; id?: string }>> = ({
  kind,
  id,
  children,
}) => (
  <div
    class={`notice notice-${kind}`}
    id={id}
    role={kind === 'error' ? 'alert' : 'status'}
    tabindex={kind === 'error' ? -1 : undefined}
  >
    {children}
  </div>
);

/** The error at the top of a form: a general problem, or a pointer to the fields to fix. */
export const FormErrors: FC<{ t: Messages; error?: string | undefined; fields?: FieldErrors }> = ({
  t,
  error,
  fields = {},
}) => {
  const hasFieldErrors = Object.values(fields).some(Boolean);
  if (!error && !hasFieldErrors) return null;
  return (
    <Notice kind="error" id="form-errors">
      <p>{error ?? t.common.errorSummary}</p>
    </Notice>
  );
};

interface FieldProps {
  id: string;
  name?: string;
  label: string;
  type?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: Child;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  maxlength?: number;
  minlength?: number;
  placeholder?: string;
  t: Messages;
  class?: string;
  autofocus?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const FieldLabel: FC<{ id: string; label: string; required?: boolean | undefined; t: Messages }> = ({
  id,
  label,
  required,
  t,
}) => (
  <label for={id}>
    {label}
    {required ? <span class="tag-required">{t.common.required}</span> : null}
  </label>
);

const FieldMessages: FC<{ id: string; hint?: Child; error?: string | undefined }> = ({ id, hint, error }) => (
  <>
    {hint ? (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="field-error" id={`${id}-error`}>
        {error}
      </p>
    ) : null}
  </>
);

/** A labelled input with its hint and error, tied together for screen readers. */
export const Field: FC<FieldProps> = (props) => (
  <div class={`field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
    <FieldLabel id={props.id} label={props.label} required={props.required} t={props.t} />
    <FieldMessages id={props.id} hint={props.hint} error={props.error} />
    <input
      id={props.id}
      name={props.name ?? props.id}
      type={props.type ?? 'text'}
      value={props.value}
      required={props.required}
      autocomplete={props.autocomplete}
      inputmode={props.inputmode}
      maxlength={props.maxlength}
      minlength={props.minlength}
      placeholder={props.placeholder}
      autofocus={props.autofocus}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    />
  </div>
);

export const TextArea: FC<FieldProps & { rows?: number }> = (props) => (
  <div class={`field${props.error ? ' field-invalid' : ''}`}>
    <FieldLabel id={props.id} label={props.label} required={props.required} t={props.t} />
    <FieldMessages id={props.id} hint={props.hint} error={props.error} />
    <textarea
      id={props.id}
      name={props.name ?? props.id}
      rows={props.rows ?? 6}
      required={props.required}
      maxlength={props.maxlength}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      {props.value ?? ''}
    </textarea>
  </div>
);

export const Card: FC<PropsWithChildren<{ title?: string; class?: string; id?: string; headingLevel?: 2 | 3 }>> = ({
  title,
  class: className,
  id,
  headingLevel = 2,
  children,
}) => (
  <section
    class={`card${className ? ` ${className}` : ''}`}
    id={id}
    aria-labelledby={title && id ? `${id}-title` : undefined}
  >
    {title ? (
      headingLevel === 2 ? (
        <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      ) : (
        <h3 id={id ? `${id}-title` : undefined}>{title}</h3>
      )
    ) : null}
    {children}
  </section>
);

export const StatusBadge: FC<{ status: string; t: Messages }> = ({ status, t }) => (
  <span class={`badge badge-${status}`}>{(t.statuses as Record<string, string>)[status] ?? status}</span>
);

/** A moment in Japan time, machine-readable in `datetime`. */
export const Time: FC<{ value: string | null | undefined; lang: Lang; fallback?: string }> = ({
  value,
  lang,
  fallback,
}) =>
  value ? <time datetime={value}>{formatDateTime(value, lang)}</time> : <span class="muted">{fallback ?? '—'}</span>;

/** A key/value list for details pages. */
export const Details: FC<{ rows: [string, Child][] }> = ({ rows }) => (
  <dl class="details">
    {rows.map(([term, value]) => (
      <div class="details-row">
        <dt>{term}</dt>
        <dd>{value}</dd>
      </div>
    ))}
  </dl>
);

/**
 * A form whose button asks before it acts. With JavaScript the script asks with a confirm()
 * prompt and marks the form confirmed; without it the server answers with a confirmation page,
 * so the action works either way and never happens by a single stray click.
 */
export const ConfirmForm: FC<
  PropsWithChildren<{ action: string; confirm: string; button: string; buttonClass?: string; label?: string }>
> = ({ action, confirm, button, buttonClass, label, children }) => (
  <form method="post" action={action} class="inline-form" data-confirm={confirm}>
    <input type="hidden" name="confirmed" value="" />
    {children}
    <button type="submit" class={buttonClass ?? 'button button-danger'} aria-label={label}>
      {button}
    </button>
  </form>
);

export const CopyButton: FC<{ target: string; label: string; done: string; failed?: string }> = ({
  target,
  label,
  done,
  failed,
}) => (
  // Hidden until the script shows it: without JavaScript there is nothing it could do.
  <button
    type="button"
    class="button button-secondary copy-button"
    data-copy-target={target}
    data-copied={done}
    data-copy-failed={failed}
    hidden
  >
    {label}
  </button>
);
