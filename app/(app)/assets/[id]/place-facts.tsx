import { Fact } from '@/app/components/facts';
import { Link } from '@/app/components/link';
import { Time } from '@/app/components/time';
import type { AssetSummary } from '@/lib/assets/queries';
import { formatCustomValue } from '@/lib/custom-fields/values-schema';

type LastSeen = { at: Date; place: string | null; by: string | null } | null;

/** The asset's place (a link for staff), its custom fields and when an audit last saw it. */
export function PlaceAndFieldFacts({
  asset,
  lastSeen,
  staff,
}: {
  asset: AssetSummary;
  lastSeen: LastSeen;
  staff: boolean;
}) {
  return (
    <>
      <Fact term="Location">
        {asset.location && asset.locationId && staff ? (
          <Link href={`/locations/${asset.locationId}`}>{asset.location}</Link>
        ) : (
          (asset.location ?? '—')
        )}
      </Fact>
      {Object.entries(asset.customFields).map(([name, value]) => (
        <Fact key={name} term={name}>
          {formatCustomValue(value)}
        </Fact>
      ))}
      <Fact term="Last seen">
        {lastSeen ? (
          <>
            <Time value={lastSeen.at} />
            {lastSeen.place ? ` at ${lastSeen.place}` : ''}
            {lastSeen.by ? ` by ${lastSeen.by}` : ''}
          </>
        ) : (
          'Not audited yet'
        )}
      </Fact>
    </>
  );
}
