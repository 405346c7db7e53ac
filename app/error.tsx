'use client';

// Shown for any unexpected failure: no stack trace, no SQL, just a way forward.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-shell">
      <section className="panel auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>The page could not be shown. Try again in a moment; if it keeps happening, tell your administrator.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </section>
    </main>
  );
}
