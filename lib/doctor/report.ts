// What `npm run doctor` reports: one line per check, with a plain diagnosis for each failure.
export type CheckStatus = 'pass' | 'warn' | 'fail';
export type CheckResult = { name: string; status: CheckStatus; message: string; diagnosis?: string };

export const pass = (name: string, message: string): CheckResult => ({ name, status: 'pass', message });
export const warn = (name: string, message: string, diagnosis?: string): CheckResult => ({
  name,
  status: 'warn',
  message,
  diagnosis,
});
export const fail = (name: string, message: string, diagnosis?: string): CheckResult => ({
  name,
  status: 'fail',
  message,
  diagnosis,
});

const marks: Record<CheckStatus, string> = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' };

export function formatReport(results: CheckResult[]): string {
  const lines = results.map((result) => {
    const head = `${marks[result.status]}  ${result.name}: ${result.message}`;
    return result.diagnosis ? `${head}\n      → ${result.diagnosis}` : head;
  });
  const failed = results.filter((result) => result.status === 'fail').length;
  const warned = results.filter((result) => result.status === 'warn').length;
  lines.push(
    '',
    failed
      ? `${failed} check(s) failed, ${warned} warning(s).`
      : `All checks passed${warned ? `, ${warned} warning(s)` : ''}.`,
  );
  return lines.join('\n');
}
