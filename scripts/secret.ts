// npm run secret: prints a new random SESSION_SECRET (32 random bytes, base64url).
import { generateSecret } from '../lib/config/session-secret';

console.log(generateSecret());
