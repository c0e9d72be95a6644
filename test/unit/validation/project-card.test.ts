import { describe, expect, it } from "vitest";
import { checkProjectCard } from "../../../app/domain/validation/index.ts";

describe("checkProjectCard", () => {
  it("requires a reason when the project was not carried out", () => {
    expect(checkProjectCard({ status: "not_carried_out", statusReason: "  " })).toEqual([
      {
        code: "status_reason_missing",
        severity: "error",
        field: "statusReason",
        key: "status_reason_missing:statusReason:not_carried_out",
        message:
          "Projekt oznaczono jako niezrealizowany — podaj powód (np. pandemia, brak ofert w konkursie, brak środków).",
      },
    ]);
    expect(
      checkProjectCard({
        status: "not_carried_out",
        statusReason: "Pandemia COVID-19, brak ofert w konkursie.",
      }),
    ).toEqual([]);
  });

  it("requires a pointer when the project is reported in another program's report", () => {
    // Seed 000, C1K6: the card only says where the project is reported.
    const findings = checkProjectCard({ status: "reported_elsewhere", reportedIn: null });
    expect(findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ["reported_in_missing", "error", "reportedIn"],
    ]);
    expect(
      checkProjectCard({
        status: "reported_elsewhere",
        reportedIn: "Sprawozdanie z realizacji Gminnego Programu Wspierania Rodziny",
      }),
    ).toEqual([]);
  });

  it("expects effects from a project that was carried out", () => {
    expect(
      checkProjectCard({ status: "carried_out" }).map((f) => [f.code, f.severity, f.field]),
    ).toEqual([["effects_missing", "warning", "effects"]]);
    expect(
      checkProjectCard({ status: "carried_out", effects: "Pomocą objęto 149 rodzin." }),
    ).toEqual([]);
  });

  it("asks why a goal was achieved only partly or not at all", () => {
    const base = { status: "carried_out" as const, effects: "Zrealizowano 12 spotkań." };
    const partly = checkProjectCard({ ...base, goalVerdict: "partly" });
    expect(partly.map((f) => [f.code, f.severity, f.field, f.message])).toEqual([
      [
        "goal_verdict_reason_missing",
        "warning",
        "goalVerdictReason",
        "Cel projektu osiągnięto częściowo — wyjaśnij, czego nie udało się osiągnąć i dlaczego.",
      ],
    ]);
    const notAchieved = checkProjectCard({
      ...base,
      goalVerdict: "not_achieved",
      goalVerdictReason: "",
    });
    expect(notAchieved[0]?.message).toBe("Celu projektu nie osiągnięto — wyjaśnij dlaczego.");
    expect(notAchieved[0]?.key).not.toBe(partly[0]?.key);
    expect(checkProjectCard({ ...base, goalVerdict: "achieved" })).toEqual([]);
    expect(
      checkProjectCard({ ...base, goalVerdict: "partly", goalVerdictReason: "Pandemia." }),
    ).toEqual([]);
  });

  it("asks for the new title of a project continued under another name", () => {
    const findings = checkProjectCard({ status: "finished", continuation: "renamed" });
    expect(findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ["next_year_title_missing", "warning", "nextYearTitle"],
    ]);
    expect(
      checkProjectCard({
        status: "finished",
        continuation: "renamed",
        nextYearTitle: "Rodzina w centrum",
      }),
    ).toEqual([]);
  });

  it("reports every missing field of one card", () => {
    const findings = checkProjectCard({
      status: "not_carried_out",
      goalVerdict: "not_achieved",
      continuation: "renamed",
    });
    expect(findings.map((f) => f.code)).toEqual([
      "status_reason_missing",
      "goal_verdict_reason_missing",
      "next_year_title_missing",
    ]);
  });
});
