import packageJson from '../../package.json';

/** Liveness only: no database, nothing secret. */
export function liveness(): { status: 'ok'; version: string; uptimeSeconds: number } {
  return { status: 'ok', version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) };
}
