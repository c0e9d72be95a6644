// "Archiwizuj", "Przywróć" and "Usuń trwale" on an item's page (decision 070). The forms post to
// the archive page, whose one action serves every kind; errors are shown there. They are plain
// <form>s, not React Router's <Form>: they leave the page for another route either way, work the
// same without JavaScript, and the section renders in the component gallery outside a router.
import { Button } from "../button/button.tsx";
import { CsrfInput } from "../csrf-input.tsx";
import { TextArea } from "../field/field.tsx";

export type ArchiveSectionProps = {
  tenantSlug: string;
  kind: string;
  id: string;
  version: string;
  csrf: string;
  /** Where to go after archiving or deleting: the working list the item leaves. */
  back: string;
  /** Where to go after restoring: the item's own page (by default `back`). */
  returnTo?: string;
  canDelete: boolean;
  /** The section's heading, e.g. "Archiwizuj dostęp: Jan Kowalski"; "Archiwizuj" by default. */
  title?: string;
  /** What archiving means for this kind of item; a sentence for the strategy's items by default. */
  intro?: string;
  /** When the item is archived: the date ("3.12.2026 r."); the section then offers restoring. */
  archivedAt?: string | null;
  error?: string;
};

export function ArchiveSection(props: ArchiveSectionProps) {
  const action = `/g/${props.tenantSlug}/archiwum`;
  const hidden = (intent: string, back: string) => (
    <>
      <CsrfInput token={props.csrf} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  if (props.archivedAt) {
    return (
      <section aria-labelledby="archive-heading" className="archive-section" id="archiwizacja">
        <h2 id="archive-heading">W archiwum</h2>
        <p>
          Pozycję zarchiwizowano {props.archivedAt} Nie ma jej na listach roboczych; po przywróceniu
          wróci na nie.
        </p>
        <form method="post" action={action} noValidate>
          {hidden("restore", props.returnTo ?? props.back)}
          <TextArea name="reason" label="Powód przywrócenia" rows={2} error={props.error} />
          <Button>Przywróć</Button>
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="archive-heading" className="archive-section" id="archiwizacja">
      <h2 id="archive-heading">{props.title ?? "Archiwizuj"}</h2>
      <p>
        {props.intro ??
          "Zarchiwizowana pozycja znika z list roboczych, ale zostaje w sprawozdaniach, które jej dotyczą, i w historii. Można ją przywrócić ze strony „Zarchiwizowane”."}
      </p>
      <form method="post" action={action} noValidate>
        {hidden("archive", props.back)}
        <TextArea name="reason" label="Powód archiwizacji" rows={2} error={props.error} />
        <Button variant="warning">Archiwizuj</Button>
      </form>
      {props.canDelete ? (
        <form method="post" action={action}>
          {hidden("delete", props.back)}
          <h3>Usuń trwale</h3>
          <p>Trwale usunąć można tylko pozycję, której nigdy nie użyto.</p>
          <Button variant="warning">Usuń trwale</Button>
        </form>
      ) : null}
    </section>
  );
}
