import type { Metadata } from "next";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page is rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new on
// each response and Next puts it on the page's scripts, which a page prerendered at build time
// couldn't carry (its scripts would be refused).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { default: "Incident Manager", template: "%s | Incident Manager" } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
