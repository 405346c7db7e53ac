import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';

export default function UnknownAssetTag() {
  return (
    <>
      <h1>No asset with this tag</h1>
      <Panel id="unknown-tag" title="What now">
        <p>
          This label&apos;s asset tag is not in IT Assets Manager, or the asset is not one you may see. It may have been
          renamed or removed, or the label belongs to another installation.
        </p>
        <p>
          <Link href="/assets">Search the assets</Link>
        </p>
      </Panel>
    </>
  );
}
