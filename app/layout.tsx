import type { Metadata, Viewport } from 'next';
import { ClientNavigation } from './components/client-navigation';
import './globals.css';

// Every page depends on who is asking; nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'IT Assets Manager', template: '%s · IT Assets Manager' },
  description: 'IT assets and helpdesk tickets in one place.',
};

// The installed app's title bar (app/manifest.ts), following the colour scheme.
export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#17213a' },
    { media: '(prefers-color-scheme: dark)', color: '#10141b' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        {/* Follows clicks on the app's links (app/components/link.tsx) on the client, on every page. */}
        <ClientNavigation />
      </body>
    </html>
  );
}
