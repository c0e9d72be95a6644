import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { Breadcrumbs, type BreadcrumbItem } from "./breadcrumbs/breadcrumbs.tsx";
import { ConflictNotice, type ConflictNoticeProps } from "./conflict-notice.tsx";
import { CsrfInput } from "./csrf-input.tsx";
import { ErrorSummary } from "./error-summary/error-summary.tsx";
import type { FieldError } from "../domain/errors.ts";
import { PageHeader } from "./page-header.tsx";
import { Button } from "./button/button.tsx";

export type EditPageProps = {
  title: string;
  /** The browser tab's title, when it should say more than the heading. */
  documentTitle?: string;
  caption?: string;
  /** The trail above this page; the page's own title is added at the end. */
  breadcrumbs: BreadcrumbItem[];
  conflict?: ConflictNoticeProps | null;
  errors: FieldError[];
  csrf: string;
  /** The version the form is based on (optimistic locking); omitted for forms that create. */
  version?: string;
  intro?: ReactNode;
  submitLabel?: string;
  cancelTo: string;
  children: ReactNode;
  /** Shown below the form, e.g. the history of changes. */
  after?: ReactNode;
};

/**
 * The frame of every edit page: breadcrumbs, one <h1>, the conflict notice and the error
 * summary above a form that works without JavaScript, with Save and Cancel at the end.
 */
export function EditPage(props: EditPageProps) {
  return (
    <>
      <title>{`${props.documentTitle ?? props.title} — Busola`}</title>
      <Breadcrumbs items={[...props.breadcrumbs, { label: props.title }]} />
      <PageHeader title={props.title} caption={props.caption} />
      {props.conflict ? <ConflictNotice {...props.conflict} /> : null}
      <ErrorSummary errors={props.errors} />
      {props.intro}
      <Form method="post" noValidate>
        <CsrfInput token={props.csrf} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={props.version} />
        ) : null}
        {props.children}
        <div className="button-group">
          <Button>{props.submitLabel ?? "Zapisz"}</Button>
          <Link to={props.cancelTo}>Anuluj</Link>
        </div>
      </Form>
      {props.after}
    </>
  );
}

/** The message for one field, from a form's error list. */
export function errorFor(errors: FieldError[]): (field: string) => string | undefined {
  return (field) => errors.find((e) => e.field === field)?.message;
}
