// `busola reminders`: send the reporting round reminders due today.
import { loadConfig } from "../../config.ts";
import { configureMail } from "../../domain/mail/transport.ts";
import { withDatabase } from "../with-database.ts";

export async function remindersCommand(): Promise<number> {
  const config = loadConfig();
  configureMail(config);
  const { sendDueReminders } = await import("../../domain/rounds/reminders.ts");
  const result = await withDatabase((db) => sendDueReminders({ db, now: new Date() }));
  console.log(`Reminders: ${result.messages} e-mail(s) for ${result.assignments} item(s).`);
  return 0;
}
