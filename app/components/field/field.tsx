import type { ReactNode } from "react";

/**
 * Turns a form field name (possibly a dotted path such as `contributions.2.value`)
 * into an id usable in `href="#…"` fragments and CSS selectors. ErrorSummary links
 * to the same ids, so both must go through this function.
 */
export function fieldId(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `f-${slug}`;
}

export function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

export function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

/** Named widths keep inputs proportional to the expected answer, as GOV.UK recommends. */
export type FieldWidth = 3 | 5 | 10 | 20 | 30;

type BaseProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}

function groupClass(error: string | undefined): string {
  return error ? "form-group form-group--error" : "form-group";
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="hint" id={id}>
      {children}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Błąd:</span> {message}
    </p>
  );
}

function inputClass(base: string, error: string | undefined, width?: FieldWidth): string {
  let cls = base;
  if (width) cls += ` ${base}--width-${width}`;
  if (error) cls += ` ${base}--error`;
  return cls;
}

/** Shared label / hint / error scaffolding for single-control fields. */
function SingleField({ name, label, hint, error, children }: BaseProps & { children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={groupClass(error)}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={hintId(name)}>{hint}</Hint> : null}
      {error ? <FieldError id={errorId(name)} message={error} /> : null}
      {children}
    </div>
  );
}

export type TextFieldProps = BaseProps & {
  defaultValue?: string | null;
  autoComplete?: string;
  type?: "text" | "email" | "tel" | "url" | "password" | "search" | "date";
  width?: FieldWidth;
  spellCheck?: boolean;
};

export function TextField(props: TextFieldProps) {
  const { name, hint, error, required, defaultValue, autoComplete, type = "text" } = props;
  // A one-line input drops line breaks, so saving an untouched form would change the value:
  // stored text with a line break is edited in a text area instead.
  if (type === "text" && defaultValue?.includes("\n")) {
    const rows = Math.min(8, defaultValue.split("\n").length + 1);
    return <TextArea {...props} rows={rows} />;
  }
  return (
    <SingleField {...props}>
      <input
        className={inputClass("input", error, props.width)}
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        required={required}
        spellCheck={props.spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
      />
    </SingleField>
  );
}

export type TextAreaProps = BaseProps & {
  defaultValue?: string | null;
  autoComplete?: string;
  rows?: number;
};

export function TextArea(props: TextAreaProps) {
  const { name, hint, error, required, defaultValue, autoComplete, rows = 5 } = props;
  return (
    <SingleField {...props}>
      <textarea
        className={inputClass("textarea", error)}
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
      />
    </SingleField>
  );
}

export type SelectFieldProps = BaseProps & {
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  /** Rendered as an empty-valued first option, so "nothing chosen" is explicit. */
  placeholder?: string;
  autoComplete?: string;
};

export function SelectField(props: SelectFieldProps) {
  const { name, hint, error, required, defaultValue, options, placeholder, autoComplete } = props;
  return (
    <SingleField {...props}>
      <select
        className={inputClass("select", error)}
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </SingleField>
  );
}

export type NumberFieldProps = BaseProps & {
  /** Numbers are shown with a decimal comma, as Polish users type them. */
  defaultValue?: string | number | null;
  autoComplete?: string;
  width?: FieldWidth;
  /** Visual unit such as "zł" or "%"; hidden from screen readers, so the label must name the unit too. */
  suffix?: string;
};

export function NumberField(props: NumberFieldProps) {
  const { name, hint, error, required, defaultValue, autoComplete, suffix } = props;
  const value =
    typeof defaultValue === "number"
      ? String(defaultValue).replace(".", ",")
      : (defaultValue ?? "");
  // type="number" rejects "12,5" and silently drops it, so a text input with a
  // decimal keyboard hint is the only way to accept Polish notation reliably.
  const input = (
    <input
      className={inputClass("input", error, props.width ?? 10)}
      id={fieldId(name)}
      name={name}
      type="text"
      inputMode="decimal"
      spellCheck={false}
      defaultValue={value}
      autoComplete={autoComplete ?? "off"}
      required={required}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
    />
  );
  return (
    <SingleField {...props}>
      {suffix ? (
        <div className="input-wrapper">
          {input}
          <span className="input__suffix" aria-hidden="true">
            {suffix}
          </span>
        </div>
      ) : (
        input
      )}
    </SingleField>
  );
}

export type CheckboxProps = BaseProps & {
  /** Ids are made from this instead of the name, for a second form on the page with the same fields. */
  idBase?: string;
  defaultChecked?: boolean;
  /** Submitted value when checked; browsers send "on" if omitted. */
  value?: string;
};

export function Checkbox({
  name,
  label,
  hint,
  error,
  required,
  defaultChecked,
  value,
  idBase,
}: CheckboxProps) {
  const id = fieldId(idBase ?? name);
  return (
    <div className={groupClass(error)}>
      {error ? <FieldError id={errorId(name)} message={error} /> : null}
      <div className="checkbox">
        <input
          className="checkbox__input"
          id={id}
          name={name}
          type="checkbox"
          value={value}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="hint checkbox__hint" id={hintId(name)}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export type RadioGroupProps = BaseProps & {
  /** Ids are made from this instead of the name, for a second form on the page with the same fields. */
  idBase?: string;
  options: Option[];
  defaultValue?: string | null;
  /** Side-by-side layout for short answers such as Tak / Nie. */
  inline?: boolean;
};

/** The first radio carries fieldId(name), so ErrorSummary links land on the group. */
export function radioId(name: string, index: number): string {
  return index === 0 ? fieldId(name) : `${fieldId(name)}-${index + 1}`;
}

export function RadioGroup({
  name,
  label,
  hint,
  error,
  required,
  options,
  defaultValue,
  inline,
  idBase,
}: RadioGroupProps) {
  return (
    <div className={groupClass(error)}>
      <fieldset
        className="fieldset"
        aria-describedby={describedBy(hint ? hintId(name) : undefined, error && errorId(name))}
      >
        <legend className="fieldset__legend">{label}</legend>
        {hint ? <Hint id={hintId(name)}>{hint}</Hint> : null}
        {error ? <FieldError id={errorId(name)} message={error} /> : null}
        <div className={inline ? "radios radios--inline" : "radios"}>
          {options.map((option, index) => {
            const id = radioId(idBase ?? name, index);
            const optionHintId = `${id}-item-hint`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  required={required}
                  aria-describedby={option.hint ? optionHintId : undefined}
                />
                <label className="radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className="hint radios__hint" id={optionHintId}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
