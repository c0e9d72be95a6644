import type { ReactNode } from "react";
import { labelOf } from "../domain/value-labels.ts";
import { StatusTag } from "./status-tag/status-tag.tsx";
import { Timestamp } from "./timestamp.tsx";

export type FindingAcknowledgement = { comment: string; by: string; at: string };

export type Finding = {
  code: string;
  severity: "warning" | "error" | "note";
  message: string;
  /** Stable identity of the finding; used as the React key and by acknowledge forms. */
  key: string;
  acknowledged?: FindingAcknowledgement | null;
};

export type FindingsPanelProps = {
  findings: Finding[];
  /** Slot for a per-finding form (e.g. "Potwierdź" with a comment). */
  renderAcknowledge?: (finding: Finding) => ReactNode;
  headingLevel?: 2 | 3;
};

const SEVERITY_LABEL = { warning: "Ostrzeżenie", error: "Błąd", note: "Wyjaśnienie" } as const;
const SEVERITY_TONE = { warning: "yellow", error: "red", note: "blue" } as const;

export function FindingsPanel({
  findings,
  renderAcknowledge,
  headingLevel = 2,
}: FindingsPanelProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";

  if (findings.length === 0) {
    return (
      <div className="findings">
        <Heading className="findings__heading">Uwagi walidacji</Heading>
        <p className="findings__empty">Nie znaleziono niezgodności.</p>
      </div>
    );
  }

  const errorCount = findings.filter((f) => f.severity === "error").length;
  const noteCount = findings.filter((f) => f.severity === "note").length;
  const warningCount = findings.length - errorCount - noteCount;
  const acknowledgedCount = findings.filter((f) => f.acknowledged).length;

  return (
    <div className="findings">
      <Heading className="findings__heading">Uwagi walidacji</Heading>
      {/* "Label: number" sidesteps Polish plural agreement (1 błąd / 2 błędy / 5 błędów). */}
      <p className="findings__counts">
        Błędy: {errorCount}. Ostrzeżenia: {warningCount}. Potwierdzone: {acknowledgedCount}.
        {noteCount > 0 ? ` Wyjaśnione różnice: ${noteCount}.` : ""}
      </p>
      <ul className="findings__list">
        {findings.map((finding) => {
          const ack = finding.acknowledged;
          const classes = [
            "finding",
            `finding--${finding.severity}`,
            ack ? "finding--acknowledged" : "",
          ].join(" ");
          return (
            <li className={classes.trim()} key={finding.key}>
              <p className="finding__title">
                <StatusTag tone={SEVERITY_TONE[finding.severity]}>
                  {SEVERITY_LABEL[finding.severity]}
                </StatusTag>{" "}
                <span className="finding__message">{finding.message}</span>
              </p>
              <p className="finding__code">Reguła: {labelOf("finding", finding.code)}</p>
              {ack ? (
                <p className="finding__ack">
                  <strong>Potwierdzono:</strong> {ack.comment} — {ack.by},{" "}
                  <Timestamp value={ack.at} />
                </p>
              ) : null}
              {renderAcknowledge ? (
                <div className="finding__actions">{renderAcknowledge(finding)}</div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
