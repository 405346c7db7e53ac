import type { ComponentProps, ReactNode } from 'react';
import { inApp } from './base-path';

/**
 * Every link in the app: a plain anchor that <ClientNavigation> (in the root layout) follows on
 * the client, as next/link would, keeping the page's state and loading only what changes. Pages
 * are rendered per request for the signed-in user, so next/link's prefetching brought nothing,
 * while each next/link runs its hooks on the server, dozens of times on a list's page.
 * `href` is a path in the app (without the base path), or any other URL.
 */
export function Link({ href, ...anchor }: Omit<ComponentProps<'a'>, 'href'> & { href: string }) {
  return <a {...anchor} href={inApp(href)} data-client-navigation="" />;
}

/** The link above a page's heading back to the list it belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href}>← {children}</Link>
    </p>
  );
}
