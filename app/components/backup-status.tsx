// The installation administrator's view of the scheduled backups (decision 026).
import type { BackupStatus } from "../domain/installation-status.ts";

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString("pl-PL", { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("pl-PL")} KB`;
}

function formatAt(iso: string): string {
  const at = new Date(iso);
  return `${at.toLocaleDateString("pl-PL", { timeZone: "Europe/Warsaw" })} r., godz. ${at.toLocaleTimeString("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit" })}`;
}

export function BackupStatusPanel(props: { configured: boolean; last: BackupStatus | null }) {
  const { configured, last } = props;
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Kopie zapasowe</h2>
      {!configured ? (
        <p>
          Automatyczne kopie zapasowe są wyłączone. Ustaw BUSOLA_BACKUP_DIR albo wykonuj kopie
          poleceniem <code>npx busola backup --out PLIK</code>.
        </p>
      ) : !last ? (
        <p>Nie wykonano jeszcze żadnej automatycznej kopii zapasowej.</p>
      ) : (
        <dl>
          <dt>Ostatnia kopia</dt>
          <dd>{formatAt(last.at)}</dd>
          <dt>Wynik</dt>
          <dd>{last.ok ? "udana" : `nieudana: ${last.error ?? "nieznany błąd"}`}</dd>
          {last.ok && last.bytes !== null && (
            <>
              <dt>Rozmiar</dt>
              <dd>{formatSize(last.bytes)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
