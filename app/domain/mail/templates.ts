// The messages, in Polish, as plain text with a simple HTML twin. Links are absolute.
import { formatDate } from "../../format/polish-dates.ts";
import { plural } from "../../format/polish-plural.ts";
import type { MailMessage } from "./transport.ts";

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs of text; a paragraph that is a URL becomes a link in the HTML. */
function compose(to: string, subject: string, paragraphs: string[]): MailMessage {
  const html = paragraphs
    .map((p) =>
      /^https?:\/\/\S+$/.test(p)
        ? `<p><a href="${escape(p)}">${escape(p)}</a></p>`
        : `<p>${escape(p).replace(/\n/g, "<br>")}</p>`,
    )
    .join("\n");
  return {
    to,
    subject,
    text: `${paragraphs.join("\n\n")}\n`,
    html: `<!doctype html><html lang="pl"><body>${html}</body></html>`,
  };
}

const SIGNATURE = "Wiadomość wysłana automatycznie przez Busolę. Prosimy na nią nie odpowiadać.";

export function invitationMail(o: {
  to: string;
  tenantName: string;
  institutionName: string;
  link: string;
  expiresAt: Date;
  invitedBy: string;
}): MailMessage {
  return compose(o.to, `Zaproszenie do sprawozdania — ${o.tenantName}`, [
    "Dzień dobry,",
    `${o.invitedBy} zaprasza Panią/Pana do przekazania danych do sprawozdania z realizacji strategii (${o.tenantName}) w imieniu instytucji: ${o.institutionName}.`,
    "Aby założyć konto i ustawić hasło, otwórz link:",
    o.link,
    // The date ends with "r.", which also ends the sentence: no second dot.
    `Link jest jednorazowy i ważny do ${formatDate(o.expiresAt)}`,
    SIGNATURE,
  ]);
}

export function passwordResetMail(o: {
  to: string;
  link: string;
  hours: number;
  /** The administrator who asked for it; absent when the person asked themselves. */
  requestedBy?: { name: string; tenantName: string };
}): MailMessage {
  const why = o.requestedBy
    ? `administrator ${o.requestedBy.name} (${o.requestedBy.tenantName}) poprosił o ustawienie nowego hasła do Twojego konta. Administrator nie zna tego linku ani Twojego hasła. Aby ustawić hasło, otwórz link:`
    : "otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta. Aby ustawić hasło, otwórz link:";
  return compose(o.to, "Ustawienie nowego hasła w Busoli", [
    "Dzień dobry,",
    why,
    o.link,
    `Link jest jednorazowy i ważny przez ${o.hours} ${plural(o.hours, "godzinę", "godziny", "godzin")}. Jeśli to nie Ty prosisz o zmianę hasła, zignoruj tę wiadomość — hasło pozostanie bez zmian.`,
    SIGNATURE,
  ]);
}

export function reminderMail(o: {
  to: string;
  tenantName: string;
  deadline: string;
  when: string;
  items: string[];
  link: string;
  /** The person was invited and has not accepted the invitation yet. */
  invited?: boolean;
}): MailMessage {
  return compose(o.to, `Przypomnienie: sprawozdanie do ${formatDate(o.deadline)}`, [
    "Dzień dobry,",
    `przypominamy o przekazaniu danych do sprawozdania (${o.tenantName}). Termin: ${formatDate(o.deadline)} (${o.when}).`,
    `Nie przekazano jeszcze:\n${o.items.map((i) => `– ${i}`).join("\n")}`,
    ...(o.invited
      ? [
          "Nie przyjęto jeszcze zaproszenia do Busoli: użyj linku z wiadomości z zaproszeniem, aby ustawić hasło. Jeśli zaproszenie wygasło, poproś koordynatora o nowe.",
        ]
      : []),
    "Twoje zadania:",
    o.link,
    SIGNATURE,
  ]);
}

export function returnedMail(o: {
  to: string;
  item: string;
  comment: string;
  link: string;
}): MailMessage {
  return compose(o.to, `Zwrócono do poprawy: ${o.item}`, [
    "Dzień dobry,",
    `koordynator zwrócił do poprawy: ${o.item}.`,
    `Komentarz: ${o.comment}`,
    "Popraw i przekaż ponownie:",
    o.link,
    SIGNATURE,
  ]);
}
