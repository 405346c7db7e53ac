import { jsonOk } from '@/lib/http/json';
import packageJson from '@/package.json';

// Liveness only: answers without touching the database, and reveals nothing secret.
export function GET() {
  return jsonOk({ status: 'ok', version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) });
}
