// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database drivers are native/Node modules: load them from node_modules at run time
  // instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Lets a second build (tests, a second developer server) live beside the first.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The AWS SDK clients send paths like /tags/arn%3Aaws%3A... and sign them as sent.
  skipTrailingSlashRedirect: true,
  // Every response (pages, JSON, static files). The per-page Content-Security-Policy and HSTS come
  // from proxy.ts (lib/auth/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Incident pages' URLs name incidents: links out (runbooks, chat) don't carry them.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
