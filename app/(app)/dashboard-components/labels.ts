// Words for the stored codes, as the dashboard shows them.
export const humanize = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');

export const ticketNumber = (number: number) => `T-${number}`;

export const priorityTone: Record<string, string> = { urgent: 'red', high: 'amber', normal: 'blue', low: 'grey' };
