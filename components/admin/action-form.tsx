'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import type { AdminActionState } from '@/lib/admin/actions';

type ActionFormProps = {
  action: (state: AdminActionState, formData: FormData) => Promise<AdminActionState>;
  submitLabel: string;
  variant?: ButtonVariant;
  /** Destructive actions ask first: the submit button appears only after this question. */
  confirm?: string;
  /** The fields, which get the state to show their own errors. */
  children?: (state: AdminActionState) => ReactNode;
  /** Fixed values sent with the form (from server components, which cannot pass functions). */
  hidden?: Record<string, string>;
  className?: string;
};

const IDLE: AdminActionState = { status: 'idle' };

/** One admin action as a form: its fields, a result line announced to screen readers, an optional confirmation. */
export function ActionForm({
  action,
  submitLabel,
  variant = 'secondary',
  confirm,
  children,
  hidden,
  className,
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // The confirmation belongs to the result it was asked after: a new result (the submission's) closes it.
  const [confirmingAfter, setConfirmingAfter] = useState<AdminActionState | null>(null);
  const confirming = confirmingAfter === state;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
  }, [confirming]);

  return (
    <form action={formAction} className={['flex flex-col gap-3', className].filter(Boolean).join(' ')}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      {confirm && confirming ? (
        <div role="group" aria-label="Confirm" className="rounded-lg border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-red-900">{confirm}</p>
          <div className="mt-3 flex gap-2">
            <Button ref={confirmRef} type="submit" variant="danger" size="sm" disabled={pending}>
              Yes, {submitLabel.toLowerCase()}
            </Button>
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirmingAfter(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button
            ref={askRef}
            type={confirm ? 'button' : 'submit'}
            variant={variant}
            size="sm"
            disabled={pending}
            onClick={
              confirm
                ? () => {
                    asked.current = true;
                    setConfirmingAfter(state);
                  }
                : undefined
            }
          >
            {submitLabel}
          </Button>
        </div>
      )}
      <p
        role={state.status === 'failed' ? 'alert' : 'status'}
        className={`min-h-5 text-sm ${state.status === 'failed' ? 'text-red-700' : 'text-emerald-800'}`}
      >
        {state.message}
      </p>
    </form>
  );
}
