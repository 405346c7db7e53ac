// The pages scenario 3 measures, shared by the load run and the query-plan collector so both look
// at exactly the same requests. `check` says what a right answer contains, so a redirect to the
// login page or an error page is never measured as a fast success.

export type ScalePage = {
  name: string;
  path: string;
  /** null for a reference page, measured to show the floor under the others. */
  budgetMs: number | null;
  /**
   * The least share of the floor page's throughput this page keeps when the two are measured in
   * alternating slices (issue 21); null where no such budget applies (the floor, JSON routes).
   */
  floorShareBudget?: number;
  check: (body: string) => boolean;
};

const listBudgetMs = 100;
const dashboardBudgetMs = 150;
// A list page keeps 85 % of the floor's throughput; the dashboard and searches, which do more, 70 %.
const listFloorShare = 0.85;
const heavierFloorShare = 0.7;

export const floorPageName = 'reference: the smallest page (/account)';

// A rendered list has rows and a "1–25 of N" line with N > 0.
const htmlList = (rowPattern: RegExp) => (body: string) =>
  rowPattern.test(body) && /–<!-- -->\d+<!-- --> of <!-- -->(about )?[1-9][\d,]*/.test(body);
const jsonList = (body: string) => {
  const page = JSON.parse(body) as { items?: unknown[]; total?: number };
  return Array.isArray(page.items) && page.items.length > 0 && (page.total ?? 0) > 0;
};

export const ticketSearchText = 'vpn';
export const assetSearchText = 'latitude';
/** Half-way through 100,000 tickets at 25 a page. */
export const deepTicketPage = 2000;

export function scalePages(agentId: string): ScalePage[] {
  const ticketRows = htmlList(/T-\d{4,6}/);
  const assetRows = htmlList(/A-\d{5}/);
  return [
    // Not a list: the reference page issue 21 names, behind the same layout, middleware and session
    // check. It has three small queries and a 422-zone select of its own, so it is no lighter than
    // the layout alone (/scan); BENCHMARKS.md says how far apart they are.
    {
      name: floorPageName,
      path: '/account',
      budgetMs: null,
      check: (body) => body.includes('Change password'),
    },
    {
      name: 'dashboard',
      path: '/',
      budgetMs: dashboardBudgetMs,
      floorShareBudget: heavierFloorShare,
      check: (body) => body.includes('Welcome,') && body.includes('Open tickets ('),
    },
    {
      name: 'tickets: first page',
      path: '/tickets',
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: ticketRows,
    },
    {
      name: 'tickets: open + high',
      path: '/tickets?status=open&priority=high',
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: ticketRows,
    },
    {
      name: 'tickets: one assignee, open + pending',
      path: `/tickets?assignee=${agentId}&status=open,pending`,
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: ticketRows,
    },
    {
      // The SLA filter over the stored due times (lib/sla/list-columns.ts); the queue itself opens sorted by due.
      name: 'tickets: SLA breached',
      path: '/tickets?sla=breached',
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: ticketRows,
    },
    {
      // Every status: the queue opens on open work, which has far fewer pages.
      name: `tickets: page ${deepTicketPage}`,
      path: `/tickets?status=all&page=${deepTicketPage}`,
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: ticketRows,
    },
    {
      name: `tickets: search "${ticketSearchText}"`,
      path: `/tickets?q=${ticketSearchText}`,
      budgetMs: listBudgetMs,
      floorShareBudget: heavierFloorShare,
      check: ticketRows,
    },
    {
      name: 'assets: first page',
      path: '/assets',
      budgetMs: listBudgetMs,
      floorShareBudget: listFloorShare,
      check: assetRows,
    },
    {
      name: `assets: search "${assetSearchText}"`,
      path: `/assets?q=${assetSearchText}`,
      budgetMs: listBudgetMs,
      floorShareBudget: heavierFloorShare,
      check: assetRows,
    },
    { name: 'GET /api/tickets', path: '/api/tickets', budgetMs: listBudgetMs, check: jsonList },
    {
      name: `GET /api/tickets?q=${ticketSearchText}`,
      path: `/api/tickets?q=${ticketSearchText}`,
      budgetMs: listBudgetMs,
      check: jsonList,
    },
    {
      name: `GET /api/tickets?page=${deepTicketPage}`,
      path: `/api/tickets?page=${deepTicketPage}`,
      budgetMs: listBudgetMs,
      check: jsonList,
    },
    { name: 'GET /api/assets', path: '/api/assets', budgetMs: listBudgetMs, check: jsonList },
    {
      name: `GET /api/assets?q=${assetSearchText}`,
      path: `/api/assets?q=${assetSearchText}`,
      budgetMs: listBudgetMs,
      check: jsonList,
    },
    { name: 'GET /api/licenses', path: '/api/licenses', budgetMs: listBudgetMs, check: jsonList },
  ];
}
