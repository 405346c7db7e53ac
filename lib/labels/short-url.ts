import 'server-only';
import { getConfig } from '../config';

/** What a label's QR code holds: PUBLIC_URL (which includes the base path) + /a/<tag>. */
export function assetShortUrl(assetTag: string): string {
  const { publicUrl, basePath } = getConfig();
  const root = (publicUrl ?? basePath).replace(/\/+$/, '');
  return `${root}/a/${encodeURIComponent(assetTag)}`;
}
