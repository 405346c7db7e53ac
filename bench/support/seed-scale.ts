import postgres from 'postgres';
import {
  assetModels,
  assetStatusWeights,
  locations,
  ticketPriorityWeights,
  ticketStatusWeights,
  ticketTemplates,
} from '../../lib/demo/catalog';

// Scenario 3's data set, written straight into the database with `insert … select generate_series`
// (a few seconds instead of minutes through the app). The vocabulary is the demo seed's, so the
// text searches find what a real helpdesk's would. setseed() makes every run hold the same data.

export const scaleCounts = { tickets: 100_000, assets: 50_000, users: 500, licenses: 20, agents: 20 } as const;

/** The words added to ticket descriptions, each in about 1 in `extraWords.length` tickets. */
const extraWords = [
  'badge',
  'backup',
  'certificate',
  'docking',
  'firmware',
  'headset',
  'invoice',
  'kiosk',
  'laptop',
  'mailbox',
  'onboarding',
  'password',
  'projector',
  'scanner',
  'sharepoint',
  'toner',
  'vpn',
  'webcam',
  'wifi',
  'zoom',
];
const licenseNames = [
  'Microsoft 365 E3',
  'Adobe Acrobat Pro',
  'Slack Business+',
  'Zoom Pro',
  'Atlassian Jira',
  'JetBrains All Products',
  'Figma Professional',
  'AutoCAD LT',
  'Tableau Creator',
  'DocuSign Business',
  '1Password Business',
  'Miro Business',
  'GitHub Enterprise',
  'Visio Plan 2',
  'Power BI Pro',
  'SAP GUI',
  'Windows Server CAL',
  'Veeam Backup',
  'ESET Endpoint',
  'TeamViewer Business',
];

/** A weighted table expanded to an array, so SQL picks a value with one random index. */
function expand<Value>(pairs: readonly (readonly [Value, number])[]): Value[] {
  return pairs.flatMap(([value, weight]) => Array.from({ length: weight }, () => value));
}

export type ScaleSeedResult = { seconds: number; rows: Record<string, number> };

/**
 * Fills a migrated database holding the 500 users with 100,000 tickets, 50,000 assets (with their
 * open check-outs) and 20 licenses with seats. Twenty users become agents, so tickets spread over
 * a realistic team; `agentUsername` (the measured user) is one of them.
 */
export async function seedScale(databaseUrl: string, agentUsername: string): Promise<ScaleSeedResult> {
  const started = Date.now();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select setseed(0.42)`;
    await sql`update users set role = 'agent'
              where username in (select username from users where role = 'requester' order by username limit ${scaleCounts.agents - 1})`;
    const people = await sql<
      { id: string; role: string; username: string }[]
    >`select id, role, username from users order by username`;
    if (!people.some((person) => person.username === agentUsername))
      throw new Error(`no user ${agentUsername} to seed around`);
    const everyone = people.map((person) => person.id);
    const agents = people.filter((person) => person.role !== 'requester').map((person) => person.id);
    await seedTickets(sql, everyone, agents);
    await seedAssets(sql, everyone, agents);
    await seedLicenses(sql, everyone);
    await seedSlaTargets(sql);
    await seedPlaces(sql);
    await settle(sql);
    const [rows] = await sql<
      { tickets: number; assets: number; assignments: number; licenses: number; seats: number; users: number }[]
    >`
      select (select count(*)::int from tickets) as tickets, (select count(*)::int from assets) as assets,
             (select count(*)::int from asset_assignments) as assignments, (select count(*)::int from licenses) as licenses,
             (select count(*)::int from license_seats) as seats, (select count(*)::int from users) as users`;
    return { seconds: Number(((Date.now() - started) / 1000).toFixed(1)), rows: { ...rows } };
  } finally {
    await sql.end();
  }
}

/**
 * A live database has been vacuumed by autovacuum long before anyone pages through it: the
 * visibility map is what lets counts and deep pages use index-only scans. An autovacuum worker
 * started by the inserts can hold back the first vacuum's cutoff (seen on PostgreSQL 17: no
 * ticket page marked visible), so vacuum again until nearly every page is.
 */
async function settle(sql: postgres.Sql): Promise<void> {
  await sql`vacuum analyze`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [state] = await sql<{ visible: number }[]>`
      select coalesce(min(relallvisible::float / greatest(relpages, 1)), 0) as visible
      from pg_class where relname in ('tickets', 'assets', 'asset_assignments', 'license_seats')`;
    if (state.visible >= 0.95) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await sql`vacuum tickets, assets, asset_assignments, license_seats`;
  }
  throw new Error('the seeded tables never became all-visible: is a long transaction open?');
}

/**
 * Two years of tickets. Older than 90 days they are nearly all resolved or closed (a stale 3 %
 * stays open), newer ones follow the demo's mix. Updated after they were created, resolved and
 * closed at their last update; 70 % of unresolved ones and all resolved ones have an assignee.
 */
async function seedTickets(sql: postgres.Sql, everyone: string[], agents: string[]): Promise<void> {
  await sql`
    insert into tickets (title, description, category, priority, status, requester_id, assignee_id, created_at, updated_at, resolved_at, closed_at)
    select t.title, t.description, t.category, t.priority, t.status, t.requester_id,
           case when t.status in ('resolved', 'closed') or random() < 0.7 then t.assignee_id end,
           t.created_at, t.updated_at,
           case when t.status in ('resolved', 'closed') then t.updated_at end,
           case when t.status = 'closed' then t.updated_at end
    from (
      select tpl.title, tpl.body || ' ' || (${extraWords}::text[])[1 + floor(random() * ${extraWords.length})::int] || ' ref ' || i as description,
             tpl.category,
             (${expand(ticketPriorityWeights)}::text[])[1 + floor(random() * 100)::int] as priority,
             case when created.at < now() - interval '90 days' and random() < 0.97
                  then case when random() < 0.7 then 'closed' else 'resolved' end
                  else (${expand(ticketStatusWeights)}::text[])[1 + floor(random() * 100)::int] end as status,
             (${everyone}::uuid[])[1 + floor(random() * ${everyone.length})::int] as requester_id,
             (${agents}::uuid[])[1 + floor(random() * ${agents.length})::int] as assignee_id,
             created.at as created_at,
             created.at + random() * least(interval '10 days', now() - created.at) as updated_at
      from generate_series(1, ${scaleCounts.tickets}) as i
      cross join lateral (select now() - (${scaleCounts.tickets} - i) * interval '10.5 minutes' - random() * interval '10 minutes' as at) as created
      cross join lateral (
        select (${ticketTemplates.map((template) => template.title)}::text[])[k] as title,
               (${ticketTemplates.map((template) => template.body)}::text[])[k] as body,
               (${ticketTemplates.map((template) => template.category)}::text[])[k] as category
        from (select 1 + floor(random() * ${ticketTemplates.length} + i * 0)::int as k) as pick
      ) as tpl
    ) as t`;
}

/**
 * SLA policies for every priority and each ticket's stored SLA columns as the app keeps them (lib/
 * sla/schedule.ts): the queue sorts by `sla_due_at`, the filters and the dashboard read the rest.
 * Targets are added in calendar minutes rather than business time: the pages read stored columns,
 * so what they cost does not depend on how the times were worked out.
 */
async function seedSlaTargets(sql: postgres.Sql): Promise<void> {
  await sql`
    insert into sla_policies (priority, first_response_minutes, resolution_minutes)
    values ('urgent', 30, 240), ('high', 60, 480), ('normal', 240, 1440), ('low', 480, 2880)`;
  await sql`
    update tickets t set
      sla_first_response_due_at = t.created_at + p.first_response_minutes * interval '1 minute',
      sla_resolution_due_at = t.created_at + p.resolution_minutes * interval '1 minute',
      sla_first_responded_at = case when t.status <> 'new'
        then t.created_at + random() * p.first_response_minutes * 1.3 * interval '1 minute' end,
      sla_due_at = case t.status
        when 'new' then t.created_at + p.first_response_minutes * interval '1 minute'
        when 'open' then t.created_at + p.resolution_minutes * interval '1 minute' end,
      sla_paused_since = case when t.status = 'pending' then t.updated_at end,
      sla_settled_at = t.resolved_at,
      sla_met = case when t.resolved_at is not null
        then t.resolved_at <= t.created_at + p.resolution_minutes * interval '1 minute' end
    from sla_policies p where p.priority = t.priority`;
}

/** The assets' places (lib/locations), one per location name, as the 0009 migration makes them. */
async function seedPlaces(sql: postgres.Sql): Promise<void> {
  await sql`insert into locations (name, path) select distinct location, location from assets where location is not null`;
  await sql`update assets a set location_id = l.id from locations l where l.path = a.location`;
}

/** 50,000 assets bought over five years with three-year warranties; deployed ones are checked out. */
async function seedAssets(sql: postgres.Sql, everyone: string[], agents: string[]): Promise<void> {
  await sql`
    insert into assets (asset_tag, name, category, manufacturer, model, serial, status, location, purchase_date, purchase_cost, warranty_end, assigned_to_id, created_at, updated_at)
    select 'A-' || lpad(i::text, 5, '0'), m.manufacturer || ' ' || m.model, m.category, m.manufacturer, m.model,
           'SN' || upper(substr(md5(i::text), 1, 10)), a.status,
           (${locations}::text[])[1 + floor(random() * ${locations.length})::int],
           a.bought, m.cost, a.bought + interval '3 years',
           case when a.status = 'deployed' then (${everyone}::uuid[])[1 + floor(random() * ${everyone.length})::int] end,
           a.bought::timestamptz, a.bought::timestamptz + random() * least(interval '700 days', now() - a.bought::timestamptz)
    from generate_series(1, ${scaleCounts.assets}) as i
    cross join lateral (
      select (${expand(assetStatusWeights)}::text[])[1 + floor(random() * 100 + i * 0)::int] as status,
             (current_date - floor(random() * 1826 + i * 0)::int) as bought
    ) as a
    cross join lateral (
      select (${assetModels.map((model) => model.category)}::text[])[k] as category,
             (${assetModels.map((model) => model.manufacturer)}::text[])[k] as manufacturer,
             (${assetModels.map((model) => model.model)}::text[])[k] as model,
             (${assetModels.map((model) => model.cost)}::numeric[])[k] as cost
      from (select 1 + floor(random() * ${assetModels.length} + i * 0)::int as k) as pick
    ) as m`;
  await sql`
    insert into asset_assignments (asset_id, user_id, checked_out_at, checked_out_by_id)
    select id, assigned_to_id, updated_at, (${agents}::uuid[])[1 + floor(random() * ${agents.length})::int]
    from assets where assigned_to_id is not null`;
}

/** Twenty licenses of 25 to 500 seats, 40–100 % taken by distinct users; a few expire soon. */
async function seedLicenses(sql: postgres.Sql, everyone: string[]): Promise<void> {
  await sql`
    insert into licenses (name, vendor, product_key, seats, expires_at)
    select name, split_part(name, ' ', 1), upper(substr(md5(name), 1, 5) || '-' || substr(md5(name), 6, 5) || '-' || substr(md5(name), 11, 5)),
           25 * (1 + (n * 7) % 20)::int, current_date + (n * 23 - 60)::int
    from unnest(${licenseNames}::text[]) with ordinality as l(name, n)`;
  await sql`
    insert into license_seats (license_id, user_id)
    select l.id, u.id
    from licenses as l
    cross join lateral (
      select id from unnest(${everyone}::uuid[]) with ordinality as p(id, n)
      order by md5(l.id::text || p.n::text)
      limit floor(l.seats * (0.4 + 0.6 * random()))::int
    ) as u`;
}
