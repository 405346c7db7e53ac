import type { LookupAnswer } from '../scanned-code';

// The list continuous check-out builds, one entry per scan: pure, so its rules are unit-tested.

export type ScanEntry = {
  code: string;
  assetId: string | null;
  label: string;
  /** Why this entry will not be checked out; null when it will. */
  problem: string | null;
  done?: boolean;
};

export function addScan(list: ScanEntry[], code: string, answer: LookupAnswer): ScanEntry[] {
  if (!answer.found) return [...list, { code, assetId: null, label: code, problem: answer.message }];
  const { asset } = answer;
  const label = `${asset.assetTag} ${asset.name}`;
  const duplicate = list.some((entry) => entry.assetId === asset.id && entry.problem === null);
  const problem = duplicate ? 'Already in this list.' : answer.checkOutProblem;
  return [...list, { code, assetId: asset.id, label, problem }];
}

/** The ids to send: entries without a problem, not yet checked out. */
export const idsToCheckOut = (list: ScanEntry[]) =>
  list.filter((entry) => entry.problem === null && entry.assetId && !entry.done).map((entry) => entry.assetId!);

export type BatchResult = {
  checkedOut: { id: string }[];
  refused: { assetId: string; reason: string }[];
};

/** The server's answer marked on the list: done, or refused with its reason. */
export function applyResult(list: ScanEntry[], result: BatchResult): ScanEntry[] {
  const done = new Set(result.checkedOut.map((asset) => asset.id));
  const refused = new Map(result.refused.map((entry) => [entry.assetId, entry.reason]));
  return list.map((entry) => {
    if (!entry.assetId || entry.problem) return entry;
    if (done.has(entry.assetId)) return { ...entry, done: true };
    const reason = refused.get(entry.assetId);
    return reason ? { ...entry, problem: reason } : entry;
  });
}
