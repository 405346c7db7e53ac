import { authenticate } from '@/lib/auth/dal';
import { jsonOk, jsonRoute } from '@/lib/http/json';

export const GET = jsonRoute(async () => {
  const { user } = await authenticate();
  return jsonOk({ user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } });
});
