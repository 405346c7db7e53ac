'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Link } from '@/app/components/link';

export type NavItem = { href: string; label: string };

/** "page" on the item of this very page, "true" inside its section (a ticket under Tickets). */
function currentness(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/**
 * The main menu. On a phone it folds behind one "Menu" button (a disclosure: aria-expanded,
 * aria-controls); on a wider screen the button is hidden and the links are always shown (CSS).
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <nav aria-label="Main" className="main-nav" data-open={open ? 'true' : undefined}>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <ul id="main-nav-list">
        {items.map((item) => (
          <li key={item.href}>
            {/* A followed link closes the menu, so the new page is not hidden behind it. */}
            <Link href={item.href} aria-current={currentness(pathname, item.href)} onClick={() => setOpen(false)}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
