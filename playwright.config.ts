// Browser tests against the production build (`npm run build` first; with NEXT_DIST_DIR set, the
// same NEXT_DIST_DIR for build and tests). Each run starts its own server on a fresh database.
import { defineConfig } from "@playwright/test";
import path from "node:path";
import { AWS_MODE_BASE_URL, AWS_MODE_PORT, awsModeDatabaseFile, BASE_URL, BOOTSTRAP_KEY, e2eDatabaseFile, e2eDataDir, PORT, USERS } from "./e2e/support/env";

const dataDir = e2eDataDir();
const distDir: Record<string, string> = process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  projects: [
    // Every spec against the console on the local model.
    { name: "local", use: { baseURL: BASE_URL } },
    // The main flow again through a console in aws mode: its AWS SDK clients talk to the first
    // console's AWS-compatible endpoints, so the aws backend is exercised end to end offline.
    { name: "aws-mode", use: { baseURL: AWS_MODE_BASE_URL }, testMatch: /(incident-(lifecycle|page-[a-z-]+)|incidents-list|related-items|findings|engagements(-page)?|engagement-state|names-not-identifiers|reach-warnings|live-updates|my-pages-count|contacts|response-plans|planner-chain|schedule-builder|schedule-oncall-flow|schedules|schedule-feeds|settings(-[a-z-]+)?)\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "npm start",
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        NODE_ENV: "production",
        IM_BACKEND: "local",
        IM_DATA_DIR: dataDir,
        DATABASE_URL: `file:${e2eDatabaseFile()}`,
        IM_ADMIN_EMAIL: USERS.admin.email,
        IM_ADMIN_PASSWORD: USERS.admin.password,
        IM_PASSWORD_SCRYPT_LOG2N: "12",
        IM_API_ACCESS_KEY_ID: BOOTSTRAP_KEY.accessKeyId,
        IM_API_SECRET_ACCESS_KEY: BOOTSTRAP_KEY.secretAccessKey,
        NEXTAUTH_URL: BASE_URL,
        ...distDir,
      },
    },
    {
      command: "npm start",
      url: `${AWS_MODE_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(AWS_MODE_PORT),
        NODE_ENV: "production",
        IM_BACKEND: "aws",
        IM_DATA_DIR: path.dirname(awsModeDatabaseFile()),
        DATABASE_URL: `file:${awsModeDatabaseFile()}`,
        IM_ADMIN_EMAIL: USERS.admin.email,
        IM_ADMIN_PASSWORD: USERS.admin.password,
        IM_PASSWORD_SCRYPT_LOG2N: "12",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: BOOTSTRAP_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BOOTSTRAP_KEY.secretAccessKey,
        IM_AWS_INCIDENTS_ENDPOINT: `${BASE_URL}/api/aws/ssm-incidents`,
        IM_AWS_CONTACTS_ENDPOINT: `${BASE_URL}/api/aws/ssm-contacts`,
        NEXTAUTH_URL: AWS_MODE_BASE_URL,
        ...distDir,
      },
    },
  ],
});
