'use client';

import { useEffect, useState } from 'react';
import type { PasswordStrength } from '@/lib/auth/password-strength';
import { PASSWORD_MIN } from '@/lib/auth/password-rules';

const LABELS = ['Too easy to guess', 'Too easy to guess', 'Still guessable', 'Good', 'Strong'] as const;
const BAR_COLORS = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-emerald-600', 'bg-emerald-700'] as const;

/**
 * The server's own strength rule, run in the browser as the person types. The estimator and its dictionaries are
 * large, so they load on the first keystroke, not with the page.
 */
export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    if (password.length < PASSWORD_MIN) return;
    let current = true;
    const timer = setTimeout(() => {
      void import('@/lib/auth/password-strength').then(({ passwordStrength }) => {
        if (current) setStrength(passwordStrength(password, inputsKey.split('\n')));
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const shown = password.length >= PASSWORD_MIN ? strength : null;
  return (
    <div className="flex min-h-10 flex-col gap-1" data-testid="password-strength">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((segment) => (
          <span
            key={segment}
            className={
              'h-1.5 flex-1 rounded-full ' +
              (shown && shown.score > segment ? BAR_COLORS[shown.score] : 'bg-slate-200')
            }
          />
        ))}
      </div>
      <p className="text-xs text-slate-700" aria-live="polite">
        {shown ? (
          <>
            <span className="font-semibold">Strength: {LABELS[shown.score]}.</span>
            {shown.feedback
              ? ` ${shown.feedback.replace(/^This password is too easy to guess\.\s*/, '')}`
              : null}
          </>
        ) : (
          `At least ${PASSWORD_MIN} characters, and not easy to guess.`
        )}
      </p>
    </div>
  );
}
