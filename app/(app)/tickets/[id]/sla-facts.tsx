import { Fact } from '@/app/components/facts';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { describeSla } from '@/lib/sla/describe';
import { ticketSlaDetail } from '@/lib/sla/queries';
import { SlaBadge } from '../ticket-badges';

/** The ticket's SLA targets among its facts, for staff; nothing when no policy covers its priority. */
export async function SlaFacts({ actor, ticketId }: { actor: Actor; ticketId: string }) {
  const sla = await ticketSlaDetail(await getDb(), actor, ticketId);
  if (!sla) return null;
  return (
    <>
      <Fact term="SLA">
        <SlaBadge sla={describeSla(sla, new Date())} />
        {sla.paused && !sla.dueAt && sla.met === null ? ' (waiting on requester)' : null}
      </Fact>
      <Fact term="First response due">
        {formatDateTime(sla.firstResponseDueAt!)}
        {sla.firstRespondedAt ? ` — answered ${formatDateTime(sla.firstRespondedAt)}` : null}
      </Fact>
      <Fact term="Resolution due">{formatDateTime(sla.resolutionDueAt!)}</Fact>
    </>
  );
}
