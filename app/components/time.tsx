import { formatDateTime, formatRelative } from '@/lib/format';
import { resolveViewerTimeZone } from '@/lib/boundary/viewer-time-zone';

/**
 * A moment as the viewer reads it: "3 h ago" when recent (with `relative`), else the exact time in
 * their zone; the exact time is always the tooltip, and the machine-readable one is in dateTime.
 */
export async function Time({ value, relative = false }: { value: Date | string; relative?: boolean }) {
  const { zone } = await resolveViewerTimeZone();
  const moment = new Date(value);
  const exact = formatDateTime(moment, zone);
  const shown = (relative ? formatRelative(moment) : null) ?? exact;
  return (
    <time dateTime={moment.toISOString()} title={exact}>
      {shown}
    </time>
  );
}
