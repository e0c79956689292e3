'use client';

import { Input } from '@/components/ui/input';
import {
  banAction,
  deleteAction,
  revokeAllAction,
  setRoleAction,
  setTierAction,
  unbanAction,
} from '@/lib/admin/actions';
import { BAN_DURATIONS } from '@/lib/users/ban-durations';
import type { AdminUser } from '@/lib/users/view';
import { ActionForm } from './action-form';
import { SelectField } from './select-field';

const TIER_OPTIONS = [
  { value: 'standard', label: 'Standard' },
  { value: 'premium', label: 'Premium' },
];
const ROLE_OPTIONS = [
  { value: 'shopper', label: 'Shopper' },
  { value: 'admin', label: 'Admin' },
];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-6 py-4 first:border-t-0">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Every action on one user. Ban, sign-out-everywhere and delete ask for confirmation first. */
export function UserActions({ user }: { user: AdminUser }) {
  return (
    <div>
      <Section title="Tier">
        <ActionForm action={setTierAction.bind(null, user.id)} submitLabel="Save tier">
          {() => <SelectField name="tier" label="Tier" defaultValue={user.tier} options={TIER_OPTIONS} />}
        </ActionForm>
      </Section>
      <Section title="Role">
        <ActionForm action={setRoleAction.bind(null, user.id)} submitLabel="Save role">
          {() => <SelectField name="role" label="Role" defaultValue={user.role} options={ROLE_OPTIONS} />}
        </ActionForm>
      </Section>
      <Section title={user.status === 'banned' ? 'Ban' : 'Ban this user'}>
        {user.status === 'banned' ? (
          <ActionForm action={unbanAction.bind(null, user.id)} submitLabel="Lift the ban" />
        ) : (
          <ActionForm
            action={banAction.bind(null, user.id)}
            submitLabel="Ban"
            variant="danger"
            confirm="Every session of this user ends now, and they cannot sign in until the ban ends."
          >
            {(state) => (
              <>
                <Input name="reason" label="Reason" required maxLength={500} error={state.fields?.reason} />
                <SelectField name="duration" label="Duration" defaultValue="86400" options={BAN_DURATIONS} />
              </>
            )}
          </ActionForm>
        )}
      </Section>
      <Section title="Sessions">
        <ActionForm
          action={revokeAllAction.bind(null, user.id)}
          submitLabel="Sign out everywhere"
          confirm="Every device of this user is signed out now."
        />
      </Section>
      <Section title="Delete account">
        <ActionForm
          action={deleteAction.bind(null, user.id)}
          submitLabel="Delete"
          variant="danger"
          confirm="The account and its sessions are deleted for good. The audit log keeps its email."
        />
      </Section>
    </div>
  );
}
