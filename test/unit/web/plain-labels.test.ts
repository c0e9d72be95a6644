// Enumerated values and change histories as a person reads them (decision 045).
import { describe, expect, test } from "vitest";
import {
  ENUMERATIONS,
  UNNAMED_VALUE,
  cardFieldText,
  labelOf,
  type Enumeration,
} from "../../../app/domain/value-labels.ts";
import { historyView } from "../../../app/web/views/history.ts";
import type { HistoryEntry } from "../../../app/domain/audit.ts";
import { labelInUnit, numberInUnit } from "../../../app/format/units.ts";

function entry(entityType: string, action: string, changes: HistoryEntry["changes"]): HistoryEntry {
  return {
    id: "e1",
    at: new Date("2026-12-02T00:58:15.902Z"),
    userName: "Anna Nowak",
    action,
    entityType,
    entityId: "00000000-0000-4000-8000-000000000001",
    entityVersion: 1,
    changes,
  } as HistoryEntry;
}

describe("labelOf", () => {
  test("every value of every enumeration has a Polish label that is not its code", () => {
    for (const [name, labels] of Object.entries(ENUMERATIONS)) {
      for (const value of Object.keys(labels)) {
        const label = labelOf(name as Enumeration, value);
        expect(label, `${name}.${value}`).not.toBe(value);
        expect(label, `${name}.${value}`).not.toMatch(/_/);
      }
    }
  });

  test("a value no table names is never shown raw", () => {
    expect(labelOf("cardStatus", "carried_out")).toBe("zrealizowany");
    expect(labelOf("cardStatus", "postponed_2022")).toBe(UNNAMED_VALUE);
    expect(labelOf("cardStatus", "toString")).toBe(UNNAMED_VALUE);
    expect(labelOf("cardStatus", null)).toBeNull();
  });

  test("card fields: enumerated ones by their label, free text as written", () => {
    expect(cardFieldText("status", "carried_out")).toBe("zrealizowany");
    expect(cardFieldText("continuation", "yes")).toBe("kontynuowany");
    expect(cardFieldText("timeframe", "od 2008 r.\nbez końca")).toBe("od 2008 r.\nbez końca");
    expect(cardFieldText("timeframe", "")).toBeNull();
  });
});

describe("historyView", () => {
  test("a round task's creation: no ids, Polish status, Polish dates", () => {
    const [view] = historyView([
      entry("round_assignment", "create", [
        { field: "roundId", before: null, after: "00000000-0000-4000-8000-000000000002" },
        { field: "projectId", before: null, after: "00000000-0000-4000-8000-000000000003" },
        { field: "status", before: null, after: "not_started" },
        { field: "kind", before: null, after: "card" },
        { field: "submittedAt", before: null, after: "2026-12-02T00:58:15.902Z" },
      ]),
    ]);
    expect(view!.action).toBe("Utworzenie");
    expect(view!.changes).toEqual([
      { field: "status", label: "Status zadania", before: "—", after: "nie rozpoczęto" },
      { field: "kind", label: "Rodzaj zadania", before: "—", after: "karta projektu" },
      {
        field: "submittedAt",
        label: "Przekazano",
        before: "—",
        after: "02.12.2026\u00a0r., 01:58",
      },
    ]);
  });

  test("a card's status and continuation by their labels", () => {
    const [view] = historyView([
      entry("project_card", "update", [
        { field: "status", before: "not_carried_out", after: "carried_out" },
        { field: "continuation", before: "no", after: "yes" },
      ]),
    ]);
    expect(view!.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "Status w roku: niezrealizowany → zrealizowany",
      "Kontynuacja w roku następnym: niekontynuowany → kontynuowany",
    ]);
  });

  test("a budget's total is not an indicator's value", () => {
    const [budget] = historyView([
      entry("budget", "update", [{ field: "total", before: 100, after: 1588268.16 }]),
    ]);
    const [value] = historyView([
      entry("indicator_value", "update", [{ field: "total", before: 1, after: 2 }]),
    ]);
    expect(budget!.changes[0]!.label).toBe("Wartość ogółem (zł)");
    expect(budget!.changes[0]!.after).toBe("1\u00a0588\u00a0268,16");
    expect(value!.changes[0]!.label).toBe("Wartość wskaźnika");
  });

  test("an institution's own contribution reads as a number, not as JSON keys", () => {
    const mops = "00000000-0000-4000-8000-0000000000aa";
    const [view] = historyView(
      [
        entry("indicator_value", "update", [
          {
            field: "contributions",
            before: { [mops]: null },
            after: { [mops]: { value: 227, ofWhich: null } },
          },
        ]),
      ],
      new Map([[mops, "MOPS"]]),
    );
    expect(view!.changes[0]!.after).toBe("MOPS: 227");
    expect(view!.changes[0]!.before).toBe("MOPS: —");
  });
});

describe("units", () => {
  test("no empty parentheses without a unit", () => {
    expect(labelInUnit("Wartość", "osoby")).toBe("Wartość (osoby)");
    expect(labelInUnit("Wartość", "")).toBe("Wartość");
    expect(labelInUnit("Wartość", null)).toBe("Wartość");
    expect(numberInUnit("1", " ")).toBe("1");
    expect(numberInUnit("12", "rodziny")).toBe("12 rodziny");
  });
});
