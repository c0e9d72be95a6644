// The running server's mail worker (decision 051): woken right after a message is queued (a
// short delay lets the action's transaction commit first) and on a timer, which also picks up
// messages queued by CLI commands and retries that have come due.
import type { DbOrTx } from "../db/client.ts";
import { deliverDueMail, onMailQueued } from "../domain/mail/delivery.ts";
import { getMailTransport } from "../domain/mail/transport.ts";

export function startMailDelivery(opts: {
  db: DbOrTx;
  intervalMs?: number;
  wakeDelayMs?: number;
}): () => void {
  if (getMailTransport().kind !== "smtp") return () => {};
  let running: Promise<unknown> | null = null;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverDueMail({ db: opts.db })
      .catch((e: unknown) => console.error("Wysyłka poczty nie powiodła się:", e))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  let wakeTimer: NodeJS.Timeout | undefined;
  onMailQueued(() => {
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(tick, opts.wakeDelayMs ?? 300);
    wakeTimer.unref();
  });
  const timer = setInterval(tick, opts.intervalMs ?? 30_000);
  timer.unref();
  tick();
  return () => {
    clearInterval(timer);
    clearTimeout(wakeTimer);
    onMailQueued(undefined);
  };
}
