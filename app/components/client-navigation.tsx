'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { basePath } from '@/app/components/base-path';

/**
 * Follows clicks on <Link> anchors on the client, as next/link does: a plain left click on a
 * link into the app. A click with a modifier key, a middle click, a link with a target or a
 * download, or one another handler already took, is left to the browser.
 */
export function ClientNavigation() {
  const router = useRouter();
  useEffect(() => {
    function follow(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[data-client-navigation]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href);
      const inApp = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      if (url.origin !== window.location.origin || !inApp) return;
      event.preventDefault();
      router.push(`${url.pathname.slice(basePath.length) || '/'}${url.search}${url.hash}`);
    }
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [router]);
  return null;
}
