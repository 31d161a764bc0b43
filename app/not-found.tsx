import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address.</p>
      <Link href="/incidents" className="mt-4 inline-block text-link hover:underline">
        Go to Incidents
      </Link>
    </main>
  );
}
