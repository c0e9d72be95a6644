import { useId, useRef } from "react";
import { fieldId } from "../field/field.tsx";
import { useFocusOnChange } from "../use-focus-on-change.ts";
import type { FieldError } from "../../domain/errors.ts";

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusOnChange(ref, errors.map((e) => `${e.field}\u0000${e.message}`).join("\u0001"));

  if (errors.length === 0) return null;

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        Wystąpił problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((error, index) => (
          <li key={`${error.field}-${index}`}>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
