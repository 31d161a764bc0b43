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
};

module.exports = nextConfig;
