// The path the app is served under (BASE_PATH), for code that also runs in the browser: Next.js
// writes it into the bundles at build time. Server code reads getConfig().basePath.
export const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** An app path ("/tickets") as the browser must request it; any other href is left as it is. */
export const inApp = (href: string) => (href.startsWith('/') ? `${basePath}${href}` : href);
