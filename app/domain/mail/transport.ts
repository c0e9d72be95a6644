// How e-mail leaves Busola, chosen once at boot: SMTP when BUSOLA_SMTP_URL is set, otherwise
// nothing leaves and the outbox table is the mailbox (the embedded default). Kept on a
// Symbol.for key like the services (decision 005): the CLI and the built bundle share it.
import type { Transporter } from "nodemailer";

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type MailTransport = {
  kind: "smtp" | "outbox";
  /** Absolute links in messages start here, e.g. https://busola.gmina.pl */
  publicUrl: string;
  send: (message: MailMessage) => Promise<void>;
};

const KEY = Symbol.for("busola.mail");
type Holder = { [KEY]?: MailTransport };

export function setMailTransport(transport: MailTransport): void {
  (globalThis as Holder)[KEY] = transport;
}

/** The configured transport; the outbox when none was configured (tests, embedded use). */
export function getMailTransport(): MailTransport {
  return (globalThis as Holder)[KEY] ?? outboxTransport("http://localhost:3000");
}

export function outboxTransport(publicUrl: string): MailTransport {
  return { kind: "outbox", publicUrl, send: async () => {} };
}

/** What the boot code passes from its configuration; the domain does not read config.ts itself. */
export type MailSettings = { smtpUrl: string | undefined; from: string; publicUrl: string };

export function configureMail(config: { mail: MailSettings }): MailTransport {
  const { smtpUrl, from, publicUrl } = config.mail;
  const transport: MailTransport = smtpUrl
    ? smtpTransport({ smtpUrl, from, publicUrl })
    : outboxTransport(publicUrl);
  setMailTransport(transport);
  return transport;
}

function smtpTransport(opts: { smtpUrl: string; from: string; publicUrl: string }): MailTransport {
  // nodemailer is loaded with the first message: most installations never configure SMTP.
  let mailer: Transporter | undefined;
  return {
    kind: "smtp",
    publicUrl: opts.publicUrl,
    send: async (m) => {
      mailer ??= (await import("nodemailer")).default.createTransport(opts.smtpUrl);
      await mailer.sendMail({
        from: opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
      });
    },
  };
}
