'use client';

import { useVisitor } from '@/components/visitor/visitor-store';

/** On the sign-in page: why this device is signed out, when its stream said another device or an admin did it. */
export function SignedOutElsewhere() {
  const { signedOutElsewhere } = useVisitor();
  return (
    <div role="status" data-testid="signed-out-elsewhere">
      {signedOutElsewhere ? (
        <p className="mb-5 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          You were signed out on this device from another one.
        </p>
      ) : null}
    </div>
  );
}
