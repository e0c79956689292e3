import { AdminNav } from '@/components/admin/admin-nav';

// Navigation only: each admin page calls the gate itself (requireAdmin), so nothing here reads the session.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
