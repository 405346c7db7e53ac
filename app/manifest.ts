import type { MetadataRoute } from 'next';

// Served at <base path>/manifest.webmanifest. Every address in it is relative, so it resolves
// against the manifest's own address and follows the base path without knowing it. No service
// worker: everything the app shows is private and must not outlive a sign-out in a cache.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'IT Assets Manager',
    short_name: 'IT Assets',
    description: 'IT assets and helpdesk tickets in one place.',
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#17213a',
    theme_color: '#17213a',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [{ name: 'Scan', url: './scan' }],
  };
}
