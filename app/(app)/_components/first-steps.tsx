import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';

/**
 * What to do first on an installation with no ticket and no asset yet. People are added by
 * admins only, so an agent is not sent to a page that would refuse them.
 */
export function FirstSteps({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Panel id="first-steps" title="Getting started">
      <p>Nothing is recorded yet. A few steps get this installation going:</p>
      <ol>
        {isAdmin ? (
          <li>
            <Link href="/admin/users">Add the people</Link> who work tickets (agents) and who ask for help (requesters).
          </li>
        ) : null}
        <li>
          <Link href="/assets/import">Import your assets</Link> from a spreadsheet (CSV), or{' '}
          <Link href="/assets/new">add one by hand</Link>.
        </li>
        <li>
          <Link href="/tickets/new">Open a ticket</Link> to see how requests are tracked.
        </li>
      </ol>
      <p className="muted">This box goes away once there is a ticket or an asset.</p>
    </Panel>
  );
}
