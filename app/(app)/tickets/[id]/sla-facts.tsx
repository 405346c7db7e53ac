import { Fact } from '@/app/components/facts';
import { formatDateTime } from '@/lib/format';
import { describeSla } from '@/lib/sla/describe';
import type { TicketSlaDetail } from '@/lib/sla/queries';
import { SlaBadge } from '../ticket-badges';

/** The ticket's SLA targets among its facts, for staff; nothing when no policy covers its priority. */
export function SlaFacts({ sla }: { sla: TicketSlaDetail }) {
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
