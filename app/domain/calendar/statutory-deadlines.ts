// The statutory calendar (issue 15 item 10, decision 065): for each kind of document, the
// legal deadlines of the reports made from it, each with the provision it comes from. Pure data
// and date arithmetic, safe in the browser; the coordinator's home reads the upcoming ones
// (upcoming-deadlines.ts) and opening a round proposes a partner deadline before them.
//
// Checked against the acts (consolidated texts in force on 2 December 2026):
// - u.p.s.: ustawa z dnia 12 marca 2004 r. o pomocy społecznej,
// - u.w.r.s.p.z.: ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy
//   zastępczej,
// - u.d.p.p.w.: ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego
//   i o wolontariacie,
// - rozporządzenie w sprawie sprawozdań rzeczowo-finansowych z wykonywania zadań z zakresu
//   wspierania rodziny i systemu pieczy zastępczej (Dz.U. z 2019 r. poz. 1195).

export type DeadlineRule = {
  /** Stable key of the rule, for reminders already sent. */
  key: string;
  /** What is due, in Polish, as the coordinator's home lists it. */
  what: string;
  /** To whom it goes. */
  recipient: string;
  /** Month (1–12) and day of the deadline. */
  month: number;
  day: number;
  /**
   * The year the deadline falls in, relative to the year reported on: 1 = the next year
   * (an annual report on 2025 is due in 2026), 0 = the same year (the first half-year).
   */
  yearOffset: 0 | 1;
  /** The provision, cited as a lawyer would. */
  basis: string;
  /**
   * False when no act fixes the date: the date shown is the one municipalities usually keep
   * (with the resource assessment), and the coordinator may agree another with the council.
   */
  statutory: boolean;
  /** The report goes to the council: the partners' data must be in before it. */
  forCouncil: boolean;
};

/** The welfare centre's annual report (art. 110 ust. 9 u.p.s.): every municipality has one. */
const WELFARE_CENTRE_REPORT: DeadlineRule = {
  key: "welfare_centre_report",
  what: "sprawozdanie z działalności ośrodka pomocy społecznej wraz z potrzebami w zakresie pomocy społecznej",
  recipient: "rada gminy",
  // Art. 110 ust. 9 u.p.s. sets no date ("coroczne sprawozdanie"); it is usually given with the
  // resource assessment, so it shares its date.
  month: 4,
  day: 30,
  yearOffset: 1,
  basis: "art. 110 ust. 9 ustawy o pomocy społecznej",
  statutory: false,
  forCouncil: true,
};

/** Ocena zasobów pomocy społecznej: to the council by 30 April (art. 16a ust. 4 u.p.s.). */
const RESOURCE_ASSESSMENT: DeadlineRule = {
  key: "resource_assessment",
  what: "ocena zasobów pomocy społecznej wraz z rekomendacjami",
  recipient: "rada gminy (rada powiatu)",
  month: 4,
  day: 30,
  yearOffset: 1,
  basis: "art. 16a ust. 4 ustawy o pomocy społecznej",
  statutory: true,
  forCouncil: true,
};

export const DEADLINES_BY_KIND: Record<string, DeadlineRule[]> = {
  strategy: [
    {
      key: "strategy_report",
      what: "sprawozdanie z realizacji strategii rozwiązywania problemów społecznych",
      recipient: "rada gminy (rada powiatu)",
      forCouncil: true,
      // Art. 16b u.p.s. requires the strategy to set how it is carried out and its indicators,
      // but no act dates the annual report: it is given with the resource assessment.
      month: 4,
      day: 30,
      yearOffset: 1,
      basis: "art. 16b ust. 2 pkt 3 ustawy o pomocy społecznej (termin ustalony w strategii)",
      statutory: false,
    },
    RESOURCE_ASSESSMENT,
    WELFARE_CENTRE_REPORT,
  ],
  family_support: [
    {
      key: "family_support_report",
      what: "sprawozdanie z realizacji zadań z zakresu wspierania rodziny wraz z potrzebami",
      recipient: "rada gminy",
      forCouncil: true,
      month: 3,
      day: 31,
      yearOffset: 1,
      basis: "art. 179 ust. 1 ustawy o wspieraniu rodziny i systemie pieczy zastępczej",
      statutory: true,
    },
    {
      key: "family_support_half_year_1",
      what: "sprawozdanie rzeczowo-finansowe z zakresu wspierania rodziny za I półrocze",
      recipient: "wojewoda",
      forCouncil: false,
      month: 7,
      day: 31,
      yearOffset: 0,
      basis:
        "§ 3 ust. 1 rozporządzenia w sprawie sprawozdań rzeczowo-finansowych z wykonywania zadań z zakresu wspierania rodziny i systemu pieczy zastępczej (Dz.U. z 2019 r. poz. 1195)",
      statutory: true,
    },
    {
      key: "family_support_half_year_2",
      what: "sprawozdanie rzeczowo-finansowe z zakresu wspierania rodziny za II półrocze",
      recipient: "wojewoda",
      forCouncil: false,
      month: 1,
      day: 31,
      yearOffset: 1,
      basis:
        "§ 3 ust. 1 rozporządzenia w sprawie sprawozdań rzeczowo-finansowych z wykonywania zadań z zakresu wspierania rodziny i systemu pieczy zastępczej (Dz.U. z 2019 r. poz. 1195)",
      statutory: true,
    },
  ],
  ngo_cooperation: [
    {
      key: "ngo_cooperation_report",
      what: "sprawozdanie z realizacji programu współpracy z organizacjami pozarządowymi (przedłożenie radzie i publikacja w BIP)",
      recipient: "rada gminy i Biuletyn Informacji Publicznej",
      forCouncil: true,
      month: 5,
      day: 31,
      yearOffset: 1,
      basis: "art. 5a ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie",
      statutory: true,
    },
  ],
};

/** The rules of a document kind; kinds without their own act have none. */
export function deadlineRulesOf(kind: string): DeadlineRule[] {
  return DEADLINES_BY_KIND[kind] ?? [];
}

/** The deadline of a rule for the report on `year`, as an ISO date ("2021-03-31"). */
export function deadlineDate(rule: DeadlineRule, year: number): string {
  const y = year + rule.yearOffset;
  return `${y}-${String(rule.month).padStart(2, "0")}-${String(rule.day).padStart(2, "0")}`;
}

export type Deadline = { rule: DeadlineRule; year: number; date: string };

/**
 * The deadlines of a kind from `today` on (inclusive), over the reports on the years that can
 * still be due: the previous year and the current one.
 */
export function upcomingDeadlines(kind: string, today: string): Deadline[] {
  const year = Number(today.slice(0, 4));
  return deadlineRulesOf(kind)
    .flatMap((rule) =>
      [year - 1, year].map((y) => ({ rule, year: y, date: deadlineDate(rule, y) })),
    )
    .filter((d) => d.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Days a coordinator needs between the partners' deadline and the council's. */
export const REVIEW_DAYS = 21;

/**
 * The partners' deadline a new round on `year` proposes: REVIEW_DAYS before the earliest
 * council deadline of the report on `year`, and never before `today` plus a week; null when
 * the kind has no council deadline.
 */
export function proposedPartnerDeadline(kind: string, year: number, today: string): string | null {
  const annual = deadlineRulesOf(kind)
    .filter((r) => r.forCouncil)
    .map((r) => deadlineDate(r, year))
    .sort();
  if (annual.length === 0) return null;
  const council = new Date(`${annual[0]}T00:00:00Z`);
  const proposed = new Date(council.getTime() - REVIEW_DAYS * 86_400_000);
  const earliest = new Date(new Date(`${today}T00:00:00Z`).getTime() + 7 * 86_400_000);
  const chosen = proposed < earliest ? earliest : proposed;
  return chosen.toISOString().slice(0, 10);
}
