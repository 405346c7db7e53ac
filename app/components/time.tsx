import 'server-only';
import { formatDateTime, formatRelative } from '@/lib/format';

/**
 * A moment as the viewer reads it: "3 h ago" when recent (with `relative`), else the exact time in
 * their zone; the exact time is always the tooltip, and the machine-readable one is in dateTime.
 * The zone is the one pageActor resolved for this request (lib/request-time-zone.ts): a plain
 * component renders within its table's row, where an async one would be a round of its own.
 */
export function Time({ value, relative = false }: { value: Date | string; relative?: boolean }) {
  const moment = new Date(value);
  const exact = formatDateTime(moment);
  const shown = (relative ? formatRelative(moment) : null) ?? exact;
  return (
    <time dateTime={moment.toISOString()} title={exact}>
      {shown}
    </time>
  );
}
