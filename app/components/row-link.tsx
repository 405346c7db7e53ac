import type { ComponentProps } from 'react';

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/**
 * A link in a list's row: a plain anchor that <ClientNavigation> (in the app's layout) follows on
 * the client, as next/link would. A list renders dozens of links, and each next/link runs its
 * hooks on the server: on a ticket list that was a tenth of the view's CPU. `href` is a path in
 * the app, without the base path.
 */
export function RowLink({ href, ...anchor }: Omit<ComponentProps<'a'>, 'href'> & { href: string }) {
  return <a {...anchor} href={`${basePath}${href}`} data-client-navigation="" />;
}
