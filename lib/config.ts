// Configuration from the environment, read in one place (see the README's table).
import path from "node:path";

export type Backend = "local" | "aws";
export type DatabaseProvider = "sqlite" | "postgresql";

export type Config = {
  backend: Backend;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  accountId: string;
  region: string;
  awsIncidentsEndpoint?: string;
  awsContactsEndpoint?: string;
  adminEmail?: string;
  adminPassword?: string;
  apiAccessKeyId?: string;
  apiSecretAccessKey?: string;
  /** IM_SMTP_URL: EMAIL channels are delivered through this SMTP server (lib/notify/smtp.ts). */
  smtpUrl?: string;
  /** IM_SMTP_FROM: the From address of those e-mails. */
  smtpFrom?: string;
  /** IM_SMS_WEBHOOK_URL: SMS and VOICE messages are POSTed here as JSON (lib/notify/webhook.ts). */
  smsWebhookUrl?: string;
  /** IM_LIVE_RECHECK_MS: how often an open /api/live stream checks its session again (lib/live/stream.ts). */
  liveRecheckMs: number;
  /** IM_ALERT_RETENTION_DAYS: received alerts (and resolved alert groups) are kept this many days (lib/console/alerts/retention.ts). */
  alertRetentionDays: number;
  dataDir: string;
  /** IM_TRUST_PROXY: believe X-Forwarded-Proto / X-Forwarded-For from the reverse proxy in front. */
  trustProxy: boolean;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/* turbopackIgnore: true */ env.IM_DATA_DIR ?? ".data");
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const backend = (env.IM_BACKEND ?? "local").trim().toLowerCase();
  if (backend !== "local" && backend !== "aws") {
    throw new ConfigError(`IM_BACKEND must be "local" or "aws", not "${env.IM_BACKEND}"`);
  }
  const dir = dataDir(env);
  const databaseUrl = env.DATABASE_URL?.trim() || `file:${path.join(dir, "incident-manager.db")}`;
  if (!isPostgresUrl(databaseUrl) && !databaseUrl.startsWith("file:")) {
    throw new ConfigError("DATABASE_URL must be a file: (SQLite) or postgresql:// URL");
  }
  const accountId = env.IM_ACCOUNT_ID?.trim() || "000000000000";
  if (!/^[0-9]{12}$/.test(accountId)) throw new ConfigError("IM_ACCOUNT_ID must be 12 digits");
  const region = env.IM_REGION?.trim() || "us-east-1";
  if (!/^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(region)) throw new ConfigError(`IM_REGION "${region}" is not a region name`);
  const smtpUrl = env.IM_SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/i.test(smtpUrl)) throw new ConfigError("IM_SMTP_URL must be an smtp:// or smtps:// URL");
  const smsWebhookUrl = env.IM_SMS_WEBHOOK_URL?.trim() || undefined;
  if (smsWebhookUrl && !/^https?:\/\/[^/]/i.test(smsWebhookUrl)) throw new ConfigError("IM_SMS_WEBHOOK_URL must be an http:// or https:// URL");
  const liveRecheck = env.IM_LIVE_RECHECK_MS?.trim() || "60000";
  if (!/^[0-9]+$/.test(liveRecheck) || Number(liveRecheck) < 100 || Number(liveRecheck) > 3_600_000) {
    throw new ConfigError("IM_LIVE_RECHECK_MS must be a whole number of milliseconds from 100 to 3600000");
  }
  const alertRetention = env.IM_ALERT_RETENTION_DAYS?.trim() || "30";
  if (!/^[0-9]+$/.test(alertRetention) || Number(alertRetention) < 1 || Number(alertRetention) > 3650) {
    throw new ConfigError("IM_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650");
  }
  return {
    backend,
    databaseUrl,
    databaseProvider: isPostgresUrl(databaseUrl) ? "postgresql" : "sqlite",
    accountId,
    region,
    awsIncidentsEndpoint: env.IM_AWS_INCIDENTS_ENDPOINT || undefined,
    awsContactsEndpoint: env.IM_AWS_CONTACTS_ENDPOINT || undefined,
    adminEmail: env.IM_ADMIN_EMAIL || undefined,
    adminPassword: env.IM_ADMIN_PASSWORD || undefined,
    apiAccessKeyId: env.IM_API_ACCESS_KEY_ID || undefined,
    apiSecretAccessKey: env.IM_API_SECRET_ACCESS_KEY || undefined,
    smtpUrl,
    smtpFrom: env.IM_SMTP_FROM?.trim() || undefined,
    smsWebhookUrl,
    liveRecheckMs: Number(liveRecheck),
    alertRetentionDays: Number(alertRetention),
    dataDir: dir,
    trustProxy: /^(1|true|yes)$/i.test(env.IM_TRUST_PROXY?.trim() ?? ""),
  };
}

let cached: Config | undefined;
/** The process's configuration, read once. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
