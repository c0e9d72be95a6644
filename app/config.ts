// Configuration comes from the environment and is validated once at boot, so a bad setting
// stops the server with a message that names it instead of failing on the first request.
import { z } from "zod";

/** "7,1" → [7, 1]: days before or after a deadline. */
const dayList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be whole numbers of days separated by commas, e.g. 7,1")
  .transform((v) => v.split(",").map(Number));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be an integer")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  BUSOLA_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  BUSOLA_SESSION_HOURS: z.coerce.number().positive("must be a positive number").default(12),
  BUSOLA_SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  BUSOLA_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  BUSOLA_DEMO_DATA: z.enum(["seeds", "factories"]).default("seeds"),
  BUSOLA_PUBLIC_MIN_COUNT: z.coerce.number().int().min(0).default(3),
  BUSOLA_API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  BUSOLA_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  BUSOLA_LOGIN_MAX_PER_ADDRESS: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .positive("must be a positive number")
    .default(20),
  BUSOLA_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  BUSOLA_IMPORT_MAX_MB: z.coerce.number().positive("must be a positive number").default(25),
  BUSOLA_IMPORT_MAX_UNPACKED_MB: z.coerce
    .number()
    .positive("must be a positive number")
    .default(200),
  BUSOLA_FORM_MAX_KB: z.coerce
    .number()
    .int("must be a whole number of kilobytes")
    .positive("must be a positive number")
    .default(1024),
  BUSOLA_BACKUP_DIR: z.string().min(1).optional(),
  BUSOLA_BACKUP_INTERVAL_HOURS: z.coerce
    .number({ message: "must be a number of hours" })
    .positive("must be a positive number")
    .default(24),
  BUSOLA_BACKUP_KEEP: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .default(7),
  BUSOLA_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .optional(),
  BUSOLA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587")
    .optional(),
  BUSOLA_MAIL_FROM: z.string().min(3).default("Busola <busola@localhost>"),
  BUSOLA_REMINDER_DAYS_BEFORE: dayList.default([7, 1]),
  BUSOLA_REMINDER_DAYS_AFTER: dayList.default([1, 7]),
  BUSOLA_REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .positive("must be a positive number")
    .default(60),
  BUSOLA_CHANGE_THRESHOLD_PERCENT: z.coerce
    .number()
    .int("must be a whole number")
    .positive("must be a positive number")
    .default(50),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A hot standby of DATABASE_URL for read-only work (decision 056). */
  databaseReadUrl: string | undefined;
  sessionHours: number;
  secureCookies: boolean;
  /** Demo data and demo accounts: never in production. */
  demo: boolean;
  /** seeds: the seed reports imported (three municipalities); factories: the compact test set. */
  demoData: "seeds" | "factories";
  /** Public reports withhold counts of people below this number (0: none withheld). */
  publicMinCount: number;
  /** Requests per minute per address to the public API and dataset files (0: no limit). */
  apiRateLimit: number;
  login: { maxAttempts: number; maxPerAddress: number; windowMinutes: number };
  /** Upload and unpacking limits of report import (a DOCX is a ZIP archive). */
  import: { maxBytes: number; maxUncompressedBytes: number };
  /** Largest body of an ordinary (non-upload) request, refused before it is read. */
  formMaxBytes: number;
  /** Scheduled backups of `busola serve` (decision 026); dir undefined: none. */
  backup: { dir: string | undefined; intervalHours: number; keep: number };
  /** E-mail: SMTP when configured, otherwise the outbox table ("Poczta wychodząca"). */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string };
  /** The reporting round's reminder schedule and the change that needs an explanation. */
  rounds: {
    remindBefore: number[];
    remindAfter: number[];
    reminderIntervalMinutes: number;
    changeThresholdPercent: number;
  };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `  ${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.DATABASE_READ_URL && !c.DATABASE_URL)
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_READ_URL=${JSON.stringify(c.DATABASE_READ_URL)}: needs DATABASE_URL (it names a standby of that server)`,
    );
  const production = c.NODE_ENV === "production";
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir: c.BUSOLA_DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    databaseReadUrl: c.DATABASE_READ_URL,
    sessionHours: c.BUSOLA_SESSION_HOURS,
    secureCookies:
      c.BUSOLA_SECURE_COOKIES === "auto" ? production : c.BUSOLA_SECURE_COOKIES === "true",
    demo: production ? false : c.BUSOLA_DEMO !== "false",
    demoData: c.BUSOLA_DEMO_DATA,
    publicMinCount: c.BUSOLA_PUBLIC_MIN_COUNT,
    apiRateLimit: c.BUSOLA_API_RATE_LIMIT,
    login: {
      maxAttempts: c.BUSOLA_LOGIN_MAX_ATTEMPTS,
      maxPerAddress: c.BUSOLA_LOGIN_MAX_PER_ADDRESS,
      windowMinutes: c.BUSOLA_LOGIN_WINDOW_MINUTES,
    },
    import: {
      maxBytes: Math.round(c.BUSOLA_IMPORT_MAX_MB * 1024 * 1024),
      maxUncompressedBytes: Math.round(c.BUSOLA_IMPORT_MAX_UNPACKED_MB * 1024 * 1024),
    },
    formMaxBytes: c.BUSOLA_FORM_MAX_KB * 1024,
    backup: {
      dir: c.BUSOLA_BACKUP_DIR,
      intervalHours: c.BUSOLA_BACKUP_INTERVAL_HOURS,
      keep: c.BUSOLA_BACKUP_KEEP,
    },
    mail: {
      smtpUrl: c.BUSOLA_SMTP_URL,
      from: c.BUSOLA_MAIL_FROM,
      publicUrl: (c.BUSOLA_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ""),
    },
    rounds: {
      remindBefore: c.BUSOLA_REMINDER_DAYS_BEFORE,
      remindAfter: c.BUSOLA_REMINDER_DAYS_AFTER,
      reminderIntervalMinutes: c.BUSOLA_REMINDER_INTERVAL_MINUTES,
      changeThresholdPercent: c.BUSOLA_CHANGE_THRESHOLD_PERCENT,
    },
  };
}
