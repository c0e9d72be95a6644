// The population CSV upload form, on the population page and on the upload's own page with the
// errors of the file sent. A plain multipart form: the CSRF token is the body's first field.
import { Button } from "../components/button/button.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FieldError, errorId, fieldId, hintId } from "../components/field/field.tsx";

export const POPULATION_UPLOAD_FIELD = "plik";

export function PopulationUploadForm(props: {
  action: string;
  csrf: string;
  /** A message about the file as a whole (missing, too large); line errors are listed above. */
  errors: string[];
}) {
  const f = POPULATION_UPLOAD_FIELD;
  const error = props.errors[0];
  return (
    <form method="post" action={props.action} encType="multipart/form-data" noValidate>
      <CsrfInput token={props.csrf} />
      <div className={error ? "form-group form-group--error" : "form-group"}>
        <label className="label" htmlFor={fieldId(f)}>
          Plik CSV z liczbą mieszkańców
        </label>
        <div className="hint" id={hintId(f)}>
          W każdym wierszu rok i liczba mieszkańców, rozdzielone przecinkiem lub średnikiem, np.
          „2023;141 521”. Pierwszy wiersz może być nagłówkiem „rok;ludnosc”. Najwyżej 1 MB. Jeśli
          którykolwiek wiersz jest błędny, nic nie zostanie zapisane.
        </div>
        {error ? <FieldError id={errorId(f)} message={error} /> : null}
        <input
          className="file-upload"
          id={fieldId(f)}
          name={f}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby={`${hintId(f)}${error ? ` ${errorId(f)}` : ""}`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <Button>Wczytaj plik</Button>
    </form>
  );
}
