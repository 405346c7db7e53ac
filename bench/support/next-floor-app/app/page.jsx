// Rendered on every request, as the app's pages are, so it is compared like for like.
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
    </main>
  );
}
