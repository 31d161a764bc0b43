import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { safeCallbackUrl } from "@/lib/auth/paths";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSession()) redirect(callbackUrl);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center bg-squid px-4 font-bold text-white">
        <span aria-hidden className="mr-2 rounded bg-orange px-1.5 text-xs leading-5">
          IM
        </span>
        Incident Manager
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[12vh]">
        <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-[0_1px_4px_rgba(0,7,22,0.12)]">
          <h1 className="mb-1 text-xl font-bold">Sign in</h1>
          <p className="mb-5 text-muted">Sign in to the Incident Manager console.</p>
          <SignInForm callbackUrl={callbackUrl} />
        </div>
      </main>
    </div>
  );
}
