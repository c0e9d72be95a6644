// `busola reminders`: send the reporting round reminders due today.
import { loadConfig } from "../../config.ts";
import { countOf } from "../../format/polish-plural.ts";
import { configureMail } from "../../domain/mail/transport.ts";
import { withDatabase } from "../with-database.ts";

export async function remindersCommand(): Promise<number> {
  const config = loadConfig();
  configureMail(config);
  const { sendDueReminders } = await import("../../domain/rounds/reminders.ts");
  const { deliverDueMail } = await import("../../domain/mail/delivery.ts");
  // Queued, then delivered before the command exits; what SMTP refuses now, a running server
  // retries later.
  const result = await withDatabase(async (db) => {
    const sent = await sendDueReminders({ db, now: new Date() });
    await deliverDueMail({ db });
    return sent;
  });
  console.log(
    `Przypomnienia: ${countOf(result.messages, "wiadomość", "wiadomości", "wiadomości")} dla ${countOf(result.assignments, "pozycji", "pozycji", "pozycji")}.`,
  );
  return 0;
}
