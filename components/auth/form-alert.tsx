'use client';

import { useEffect, useRef } from 'react';

/**
 * Moves focus to what went wrong after a submission: the first invalid field, or the form's message.
 * Keyed on the state object so each submission's result is announced once.
 */
export function useFocusOnError(state: object, hasProblem: boolean) {
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!hasProblem) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [state, hasProblem]);
  return { formRef, alertRef };
}

export function FormAlert({
  message,
  tone,
  alertRef,
}: {
  message?: string;
  tone: 'danger' | 'warning' | 'success';
  alertRef: React.Ref<HTMLDivElement>;
}) {
  if (!message) return null;
  const colors = {
    warning: 'border-amber-300 bg-amber-50 text-amber-900',
    danger: 'border-red-300 bg-red-50 text-red-800',
    success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  }[tone];
  return (
    <div
      ref={alertRef}
      role={tone === 'success' ? 'status' : 'alert'}
      tabIndex={-1}
      className={`rounded-lg border px-4 py-3 text-sm ${colors}`}
    >
      {message}
    </div>
  );
}

/** Success in green, "try again later" in amber, everything else in red. */
export function alertTone(state: { done?: boolean; code?: string }): 'danger' | 'warning' | 'success' {
  if (state.done) return 'success';
  return state.code === 'rate_limited' ||
    state.code === 'service_unavailable' ||
    state.code === 'session_store_unavailable'
    ? 'warning'
    : 'danger';
}
