import { Suspense } from 'react';
import { AdminNav, AdminNavLinks } from '@/components/admin/admin-nav';

// Navigation only: each admin page calls the gate itself (requireAdmin), so nothing here reads the session.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {/* The current page is known only per request; the same links, unmarked, hold its place until then. */}
      <Suspense fallback={<AdminNavLinks pathname={null} />}>
        <AdminNav />
      </Suspense>
      {children}
    </>
  );
}
