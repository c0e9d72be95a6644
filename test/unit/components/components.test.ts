// What each shared component promises, rendered on the server as the pages render it.
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { Breadcrumbs } from "../../../app/components/breadcrumbs/breadcrumbs.tsx";
import { Button, ButtonLink } from "../../../app/components/button/button.tsx";
import { ErrorSummary } from "../../../app/components/error-summary/error-summary.tsx";
import { fieldId, RadioGroup, TextField } from "../../../app/components/field/field.tsx";
import { Notice } from "../../../app/components/notification/notification.tsx";
import { SummaryList } from "../../../app/components/summary-list/summary-list.tsx";
import { Table } from "../../../app/components/table/table.tsx";

const html = (node: ReactNode) => renderToStaticMarkup(h(MemoryRouter, null, node));

describe("shared components", () => {
  it("error summary: each message links to its field's id", () => {
    const out = html(
      h(
        "div",
        null,
        h(ErrorSummary, { errors: [{ field: "contributions.2.value", message: "Wpisz liczbę." }] }),
        h(TextField, { name: "contributions.2.value", label: "Wartość", error: "Wpisz liczbę." }),
      ),
    );
    const id = fieldId("contributions.2.value");
    expect(out).toContain(`href="#${id}"`);
    expect(out).toContain(`id="${id}"`);
    expect(out).toContain('role="alert"');
  });

  it("field with an error: the message is tied to the input and marked for screen readers", () => {
    const out = html(h(TextField, { name: "email", label: "E-mail", error: "Wpisz adres." }));
    expect(out).toContain("form-group--error");
    expect(out).toMatch(/aria-describedby="[^"]*f-email-error/u);
    expect(out).toContain('<span class="visually-hidden">Błąd:</span>');
  });

  it("radios are a fieldset with a legend", () => {
    const out = html(
      h(RadioGroup, {
        name: "verdict",
        label: "Czy cel osiągnięto?",
        options: [{ value: "yes", label: "Tak" }],
      }),
    );
    expect(out).toMatch(/<fieldset[^>]*>.*<legend[^>]*>Czy cel osiągnięto\?<\/legend>/su);
  });

  it("breadcrumbs: the last item is the current page", () => {
    const out = html(h(Breadcrumbs, { items: [{ label: "Gmina", to: "/g/x" }, { label: "Tu" }] }));
    expect(out).toContain('aria-label="Ścieżka nawigacji"');
    expect(out).toContain('<span aria-current="page">Tu</span>');
    expect(out).not.toMatch(/href="\/g\/x"[^>]*aria-current/u);
  });

  it("button: submits by default; variants and the small size are classes", () => {
    expect(html(h(Button, null, "Zapisz"))).toBe(
      '<button type="submit" class="button">Zapisz</button>',
    );
    expect(html(h(Button, { variant: "warning", small: true, type: "button" }, "Usuń"))).toBe(
      '<button type="button" class="button button--warning button--small">Usuń</button>',
    );
    expect(html(h(ButtonLink, { to: "/a", variant: "secondary", children: "Dalej" }))).toBe(
      '<a class="button button--secondary" href="/a" data-discover="true">Dalej</a>',
    );
  });

  it("table: column headers have a scope; a hidden caption stays for screen readers", () => {
    const out = html(
      h(Table, { caption: "Osoby", captionHidden: true, headers: ["A", "B"], children: null }),
    );
    expect(out).toContain('<caption class="visually-hidden">Osoby</caption>');
    expect(out.match(/<th scope="col">/gu)).toHaveLength(2);
    // Focusable, so a keyboard can scroll a table wider than its box.
    expect(out).toMatch(/^<div class="table-wrapper" tabindex="0">/u);
  });

  it("notice: announced only when it answers the user's action", () => {
    expect(html(h(Notice, { children: "Informacja" }))).toBe(
      '<div class="notice">Informacja</div>',
    );
    expect(html(h(Notice, { tone: "success", announce: true, children: "Zapisano" }))).toBe(
      '<div class="notice notice--success" role="status">Zapisano</div>',
    );
  });

  it("summary list: a person's free text keeps its line breaks", () => {
    const out = html(h(SummaryList, { rows: [{ key: "Efekty", value: "a\nb", prose: true }] }));
    expect(out).toContain('<dd class="summary-list__value public-prose">a\nb</dd>');
  });
});
