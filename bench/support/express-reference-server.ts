import express from 'express';
import session from 'express-session';

// The design the project replaced (shared/seeds): Express with express-session's default
// MemoryStore. It answers what our /api/auth/me answers for a signed-in user, from the session
// alone, with no database and no log line: the least such a server can do per request.

declare module 'express-session' {
  interface SessionData {
    user: { id: string; username: string; displayName: string; role: string };
  }
}

const app = express();
app.disable('x-powered-by');
app.use(
  session({
    secret: process.env.REFERENCE_SECRET ?? 'express-reference-secret-0123456789',
    name: 'sid',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', maxAge: 8 * 60 * 60 * 1000 },
  }),
);

app.get('/api/health', (_request, response) => {
  response.json({ status: 'ok' });
});

app.post('/login', (request, response) => {
  request.session.user = {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    displayName: 'bench',
    role: 'agent',
  };
  response.status(204).end();
});

app.get('/api/auth/me', (request, response) => {
  const user = request.session.user;
  if (!user) {
    response.status(401).json({ error: { code: 'unauthenticated', message: 'Sign in first.' } });
    return;
  }
  response.set('cache-control', 'no-store').json({ user });
});

const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
