// Next.js's own floor for the page benchmarks: the least an App Router page can be.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
