// `busola reminders`: send the reporting round reminders due today.
import { loadConfig } from "../../config.ts";
import { countOf } from "../../format/polish-plural.ts";
import { configureMail } from "../../domain/mail/transport.ts";
import { withDatabase } from "../with-database.ts";

export async function remindersCommand(): Promise<number> {
  const config = loadConfig();
  configureMail(config);
  const { sendDueReminders } = await import("../../domain/rounds/reminders.ts");
  const result = await withDatabase((db) => sendDueReminders({ db, now: new Date() }));
  console.log(
    `Przypomnienia: ${countOf(result.messages, "wiadomość", "wiadomości", "wiadomości")} dla ${countOf(result.assignments, "pozycji", "pozycji", "pozycji")}.`,
  );
  return 0;
}
