// "Archiwizuj" and "Usuń trwale" on an item's edit page (decision 070). Plain forms posted to
// the archive page, so they work without JavaScript; errors come back there.
import { Form } from "react-router";
import { Button } from "./button/button.tsx";
import { CsrfInput } from "./csrf-input.tsx";
import { TextArea } from "./field/field.tsx";

export type ArchiveSectionProps = {
  tenantSlug: string;
  kind: string;
  id: string;
  version: string;
  csrf: string;
  /** Where to go after archiving: the working list. */
  back: string;
  canDelete: boolean;
  error?: string;
};

export function ArchiveSection(props: ArchiveSectionProps) {
  const action = `/g/${props.tenantSlug}/archiwum`;
  const hidden = (intent: string) => (
    <>
      <CsrfInput token={props.csrf} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="back" value={props.back} />
    </>
  );
  return (
    <section aria-labelledby="archive-heading" className="archive-section">
      <h2 id="archive-heading">Archiwizuj</h2>
      <p>
        Zarchiwizowana pozycja znika z list roboczych, ale zostaje w sprawozdaniach, które jej
        dotyczą, i w historii. Można ją przywrócić ze strony „Zarchiwizowane”.
      </p>
      <Form method="post" action={action}>
        {hidden("archive")}
        <TextArea name="reason" label="Powód archiwizacji" rows={2} error={props.error} />
        <Button variant="warning">Archiwizuj</Button>
      </Form>
      {props.canDelete ? (
        <Form method="post" action={action}>
          {hidden("delete")}
          <h3>Usuń trwale</h3>
          <p>Trwale usunąć można tylko pozycję, której nigdy nie użyto.</p>
          <Button variant="warning">Usuń trwale</Button>
        </Form>
      ) : null}
    </section>
  );
}
