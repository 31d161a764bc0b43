import { AppShell } from "@/components/layout/app-shell";
import { LiveUpdates } from "@/components/live/live-updates";
import { requireUser } from "@/lib/auth/session";
import { config } from "@/lib/config";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user}>
      <LiveUpdates mode={config().backend === "local" ? "stream" : "poll"} />
      {children}
    </AppShell>
  );
}
