'use client';

import type { FieldBase } from './form-controls';
import { Picker, type PickerOption, type PickerSearch } from './picker';
import { basePath } from '@/app/components/base-path';

// The searches behind the pickers: the same JSON routes scripts use, a few results at a time.

const resultLimit = 10;
const apiBase = `${basePath}/api`;

async function fetchItems<Item>(url: string, signal: AbortSignal): Promise<Item[]> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Search answered ${response.status}`);
  return ((await response.json()) as { items: Item[] }).items;
}

type UserItem = { id: string; username: string; displayName: string };
type AssetItem = { id: string; assetTag: string; name: string; assignedTo: { displayName: string } | null };

const searchUsers: PickerSearch = async (text, signal) => {
  const query = new URLSearchParams({ limit: String(resultLimit), ...(text ? { q: text } : {}) });
  const items = await fetchItems<UserItem>(`${apiBase}/users/search?${query}`, signal);
  return items.map((user): PickerOption => ({ id: user.id, label: `${user.displayName} (${user.username})` }));
};

const searchAssets: PickerSearch = async (text, signal) => {
  const query = new URLSearchParams({
    pageSize: String(resultLimit),
    sort: 'tag',
    dir: 'asc',
    ...(text ? { q: text } : {}),
  });
  const items = await fetchItems<AssetItem>(`${apiBase}/assets?${query}`, signal);
  return items.map((asset): PickerOption => ({
    id: asset.id,
    label: `${asset.assetTag} — ${asset.name}`,
    detail: asset.assignedTo ? `(with ${asset.assignedTo.displayName})` : undefined,
  }));
};

/** An active user, found by username or name; sends their id. */
export function UserPicker(field: FieldBase) {
  return <Picker {...field} search={searchUsers} placeholder="Type a name or username" />;
}

/** An asset the signed-in user may see, found by tag, name, serial, maker or model; sends its id. */
export function AssetPicker(field: FieldBase) {
  return <Picker {...field} search={searchAssets} placeholder="Type a tag, name or serial" />;
}
