// A project's EU co-financing as the public pages, datasets and API show it: which programme,
// priority axis, measure and fund, and the statement EU publicity rules ask for. Pure.

/** The EU funds a municipal social-policy project draws on, by code. */
export const EU_FUNDS = ["efs", "efs_plus", "efrr", "fead", "fs", "other"] as const;
export type EuFund = (typeof EU_FUNDS)[number];

/** The fund's name in the genitive ("ze środków …"), for the co-financing statement. */
export const EU_FUND_GENITIVE: Record<EuFund, string> = {
  efs: "Europejskiego Funduszu Społecznego",
  efs_plus: "Europejskiego Funduszu Społecznego Plus",
  efrr: "Europejskiego Funduszu Rozwoju Regionalnego",
  fead: "Europejskiego Funduszu Pomocy Najbardziej Potrzebującym",
  fs: "Funduszu Spójności",
  other: "funduszy Unii Europejskiej",
};

export type EuFunding = {
  /** In the nominative, e.g. "Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020". */
  programme: string | null;
  /** e.g. "IX Włączenie społeczne". */
  priorityAxis: string | null;
  /** e.g. "9.1 Aktywna integracja". */
  measure: string | null;
  /** e.g. "9.1.3 Programy aktywnej integracji osób i grup zagrożonych wykluczeniem społecznym". */
  subMeasure: string | null;
  fund: EuFund | null;
  /** The number of the funding agreement, e.g. "RPSL.09.02.01-24-0123/19". */
  agreementNumber: string | null;
};

export const NO_EU_FUNDING: EuFunding = {
  programme: null,
  priorityAxis: null,
  measure: null,
  subMeasure: null,
  fund: null,
  agreementNumber: null,
};

export function hasEuFunding(f: EuFunding | null | undefined): f is EuFunding {
  return !!f && Object.values(f).some((v) => v !== null && v !== "");
}
