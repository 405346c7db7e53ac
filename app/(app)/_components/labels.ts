// Words for the stored codes, as the dashboard shows them.
export const humanize = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');
