import type { Metadata } from 'next';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { VisitorSync } from '@/components/visitor/visitor-sync';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'Northwind Supply', template: '%s · Northwind Supply' },
  description: 'Well-made goods for the kitchen, the desk, the home and the trail.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main-content"
          className="text-brand-800 sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold shadow focus:not-sr-only focus:absolute focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        {/* The HTML is the same for every visitor; who is visiting is fetched by the client (/api/session). */}
        <VisitorSync />
      </body>
    </html>
  );
}
