import type { Metadata } from 'next';
import { Banner } from '@/app/components/banner';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Panel } from '@/app/components/panel';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listLocationTree, type LocationNode } from '@/lib/locations/queries';
import type { SearchParams } from '../_components/list-query';
import { NewLocationForm } from './location-forms';

export const metadata: Metadata = { title: 'Locations' };

/** The tree as nested lists, so a screen reader announces each level. */
function Tree({ nodes, parentId }: { nodes: LocationNode[]; parentId: string | null }) {
  const children = nodes.filter((node) => node.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className="location-tree">
      {children.map((node) => (
        <li key={node.id}>
          <Link href={`/locations/${node.id}`}>{node.name}</Link>{' '}
          <span className="muted">{node.assets === 1 ? '1 asset' : `${node.assets} assets`}</span>
          <Tree nodes={nodes} parentId={node.id} />
        </li>
      ))}
    </ul>
  );
}

export default async function LocationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(staffRoles);
  const nodes = await listLocationTree(await getDb(), actor);
  const { removed } = await searchParams;
  return (
    <>
      <PageHeader title="Locations">
        Sites, buildings and rooms. A place&apos;s page lists the assets in it and everything inside it, and audits it.
      </PageHeader>
      {typeof removed === 'string' ? <Banner param="removed">Removed “{removed}”.</Banner> : null}
      <Panel id="places" title="Places">
        {nodes.length === 0 ? <p className="muted">No places yet.</p> : <Tree nodes={nodes} parentId={null} />}
      </Panel>
      <Panel id="new-place" title="Add a place">
        <NewLocationForm choices={nodes.map((node) => ({ id: node.id, path: node.path }))} />
      </Panel>
    </>
  );
}
