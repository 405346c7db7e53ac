import NextLink from 'next/link';
import type { ComponentProps, ReactNode } from 'react';

// next/link without prefetching; every link in the app goes through here, but those in a list's
// rows (row-link.tsx). Each page is rendered per request for the signed-in user, with no static
// part, so a prefetch brings the browser only the route tree and costs the server half a page
// render, for every link on the page. A click still navigates on the client.
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}

/** The link above a page's heading back to the list it belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href}>← {children}</Link>
    </p>
  );
}
