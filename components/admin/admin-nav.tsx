'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The admin console's links, the current one marked; null while the URL is not known yet (prerendering). */
export function AdminNavLinks({ pathname }: { pathname: string | null }) {
  return (
    <nav aria-label="Admin" className="border-b border-slate-200 bg-slate-50">
      <ul className="mx-auto flex max-w-7xl gap-1 px-4 py-2 text-sm sm:px-6 lg:px-8">
        {LINKS.map((link) => {
          const active =
            pathname !== null &&
            (link.href === '/admin' ? pathname === '/admin' : pathname.startsWith(link.href));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? 'page' : undefined}
                className={
                  'block rounded-md px-3 py-1.5 font-medium ' +
                  (active
                    ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200'
                    : 'text-slate-700 hover:bg-white')
                }
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function AdminNav() {
  return <AdminNavLinks pathname={usePathname()} />;
}
