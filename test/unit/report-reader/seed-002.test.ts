import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import type {
  ImportProposal,
  ProposedIndicator,
  ProposedProject,
} from "../../../app/report-reader/types.ts";
import { SEEDS_DIR, SEED_002, readFixture, readSeed } from "./seeds.ts";

type GoldPart = { source: string; amount: number; percent: number | null; ofWhich?: boolean };
type GoldIndicator =
  | { line: number; value: number | null; target: number | null }
  | { line: number; number: number; uncertain: true };
type GoldProject = {
  line: number;
  symbol: string;
  title: string | null;
  indicators: GoldIndicator[];
  period: string | null;
  total: number | null;
  parts: GoldPart[];
};

const available = existsSync(SEEDS_DIR + SEED_002);
// The parser's project points at the funding block's heading or first line, which comes at most
// a few lines before the gold line (the block's first amount).
const NEAR = 3;

describe.skipIf(!available)("seed 002 — project web pages with funding blocks (gold file)", () => {
  const gold = readFixture<{ projects: GoldProject[] }>("002-gold.json").projects;
  let parsed: ImportProposal;
  const parse = () => (parsed ??= parseReportText(readSeed(SEED_002)));
  const near = (g: GoldProject): ProposedProject | undefined =>
    parse().projects.find((p) => p.source.line <= g.line && p.source.line >= g.line - NEAR);

  it("reads every project's total and the amount and percent of each funding source", () => {
    expect(gold).toHaveLength(25);
    const wrong: string[] = [];
    for (const g of gold) {
      const p = near(g);
      const got = p?.budget ?? { total: null, parts: [] };
      const right =
        p !== undefined &&
        got.total === g.total &&
        got.parts.length === g.parts.length &&
        g.parts.every(
          (gp, k) =>
            got.parts[k]?.amount === gp.amount &&
            got.parts[k]?.percent === gp.percent &&
            (got.parts[k]?.ofWhich ?? false) === (gp.ofWhich ?? false),
        );
      if (!right) wrong.push(`${g.line}: ${JSON.stringify(got)}`);
    }
    console.info(
      `seed 002 cards with correct budget: ${gold.length - wrong.length}/${gold.length}`,
    );
    expect(wrong).toEqual([]);
  });

  it("proposes no project beyond the gold file's pages", () => {
    const goldLines = gold.map((g) => g.line);
    const invented = parse().projects.filter(
      (p) => !goldLines.some((l) => p.source.line <= l && p.source.line >= l - NEAR),
    );
    expect(invented.length).toBeLessThanOrEqual(2);
    expect(parse().projects.length).toBe(gold.length);
  });

  it("keeps the Centrum Wsparcia Rodziny budget as written (DOMAIN.md §5), without repairing it", () => {
    const cwr = parse().projects.find((p) => p.budget?.total === 6807342.26);
    expect(cwr?.budget?.parts.map((x) => [x.amount, x.percent])).toEqual([
      [5786240.92, 85],
      [1021101.34, 8],
      [476513.96, 7],
    ]);
    expect(cwr?.fields.timeframe).toMatch(/01\.06\.2018 - 31\.05\.2021/u);
  });

  it("reads the period of the pages that write one, and numbers the pages P1, P2, …", () => {
    const projects = parse().projects;
    const withPeriod = projects.filter((p) => p.fields.timeframe).length;
    console.info(`seed 002 projects with a period: ${withPeriod}/${projects.length}`);
    expect(withPeriod).toBeGreaterThanOrEqual(22);
    expect(projects.map((p) => p.symbol)).toEqual(gold.map((g) => g.symbol));
    expect(parse().warnings.filter((w) => /symbol/u.test(w)).length).toBe(projects.length);
  });

  it("names every project as its page does, and no project where the page names none", () => {
    const wrong: string[] = [];
    for (const g of gold) {
      const got = near(g)?.title ?? "";
      if (got !== (g.title ?? "")) wrong.push(`${g.line}: ${JSON.stringify(got)}`);
    }
    const named = gold.filter((g) => g.title).length;
    console.info(
      `seed 002 titles right: ${gold.length - wrong.length}/${gold.length} (${named} pages name their project)`,
    );
    expect(wrong).toEqual([]);
  });

  it("reads target and achieved indicator values and links them to their page's project", () => {
    const got = parse().indicators;
    const used = new Set<ProposedIndicator>();
    const missed: string[] = [];
    for (const g of gold)
      for (const gi of g.indicators) {
        const hit = got.find(
          (i) =>
            !used.has(i) &&
            i.source.line === gi.line &&
            i.projectSymbol === g.symbol &&
            i.name !== "" &&
            ("number" in gi
              ? i.uncertain.length > 0 && (i.value === gi.number || i.target === gi.number)
              : i.value === gi.value && i.target === gi.target),
        );
        if (hit) used.add(hit);
        else missed.push(JSON.stringify(gi));
      }
    const total = gold.reduce((n, g) => n + g.indicators.length, 0);
    const extra = got.filter((i) => !used.has(i));
    console.info(
      `seed 002 indicators: recall ${used.size}/${total}, precision ${used.size}/${got.length}`,
    );
    console.info(
      `missed: ${missed.join(" ")}; extra: ${extra.map((i) => `${i.source.line}: ${i.value}/${i.target}`).join(", ")}`,
    );
    expect(used.size / total).toBeGreaterThanOrEqual(0.95);
    expect(used.size / got.length).toBeGreaterThanOrEqual(0.95);
    expect(extra.map((i) => `${i.source.line}: ${i.value}/${i.target}`).length).toBeLessThanOrEqual(
      2,
    );
    expect(missed.length).toBeLessThanOrEqual(2);
  });

  it("states goal, addressees and implementers only where the page does", () => {
    const projects = parse().projects;
    const count = (k: "goal" | "addressees" | "implementers") =>
      projects.filter((p) => p.fields[k] !== null).length;
    console.info(
      `seed 002 fields: goal ${count("goal")}, addressees ${count("addressees")}, implementers ${count("implementers")} of ${projects.length}`,
    );
    const cwr = projects.find((p) => p.title === "CWR");
    expect(cwr?.fields.goal).toMatch(/^Głównym celem projektu jest rozwój usług społecznych/u);
    const first = projects[0];
    expect(first?.fields.implementers).toMatch(/^Realizatorem zadania/u);
    expect(first?.fields.addressees).toBeNull();
  });
});

describe("project pages — funding block vocabulary (synthetic)", () => {
  const page = (period: string, budget: string) =>
    `Logo projektu\n\nOkres realizacji: ${period}\n\nBudżet projektu:\n\n${budget}\n\nOpis projektu.\n`;
  const text = [
    page(
      "2019 – 2020",
      "Całkowita wartość projektu: 1 000,00 zł\n • dofinansowanie EFS: 850,00 zł (85%)\n • wkład własny: 150,00 zł (15%)",
    ),
    page(
      "2020",
      " 1. dofinansowanie: 40 000 zł\n 2. wkład własny: 2 000, 50 zł\n 3. ogółem: 42 000, 50 zł",
    ),
    page(
      "2021",
      "Koszt całkowity wynosił 12 tysięcy złotych, z tego 10 tysięcy złotych z dotacji i 2 tysiące złotych ze środków własnych.",
    ),
    page("2022", "5 000 zł – fundusz przeciwalkoholowy"),
  ].join("\n");

  it("reads totals and parts whichever order and notation the page uses", () => {
    const projects = parseReportText(text).projects;
    expect(projects.map((p) => p.budget?.total ?? null)).toEqual([1000, 42000.5, 12000, null]);
    expect(projects.map((p) => p.budget?.parts.map((x) => x.amount))).toEqual([
      [850, 150],
      [40000, 2000.5],
      [10000, 2000],
      [5000],
    ]);
    expect(projects[0]?.budget?.parts.map((x) => x.percent)).toEqual([85, 15]);
    expect(projects.map((p) => p.fields.timeframe)).toEqual([
      "Okres realizacji: 2019 – 2020",
      "Okres realizacji: 2020",
      "Okres realizacji: 2021",
      "Okres realizacji: 2022",
    ]);
  });
});

describe("project pages — titles, fields and indicators in other wording (synthetic)", () => {
  // Invented pages: heading titles (one broken across two lines), labels in another order and
  // indicators phrased differently from seed 002.
  const text = [
    "Klub Seniora",
    "„Razem Raźniej”",
    "",
    "Okres realizacji projektu: 01.02.2022 - 30.11.2023",
    "",
    "Finansowanie:",
    "",
    "Wartość projektu: 200 000,00 zł",
    "- dotacja z budżetu państwa: 150 000,00 zł (75%), w tym:",
    "   • rezerwa celowa: 50 000,00 zł",
    "- środki gminy: 50 000,00 zł (25%)",
    "",
    "Grupa docelowa: seniorzy powyżej 65 roku życia.",
    "Partner: Stowarzyszenie Pogodna Jesień.",
    "",
    "Wskaźniki osiągnięte:",
    " • liczba uczestników klubu – 48 osób",
    " • liczba spotkań: założono 40, osiągnięto 45",
    "",
    "Logo projektu",
    "",
    "Okres realizacji: 2023",
    "",
    "Budżet projektu:",
    "",
    "Koszt całkowity: 30 000 zł",
    " • wkład własny: 30 000 zł",
    "",
    "Realizacja zadania w ramach programu Wojewody „Bezpieczna Rodzina” objęła mieszkańców.",
    "Celem projektu było ograniczenie przemocy w rodzinie.",
    "",
    "Wskaźniki zakładane:",
    " • liczba rodzin objętych wsparciem: 12 rodzin",
    " • efektywność zatrudnieniowa: min. 20% uczestników",
    " • liczba porad: 30 na 25 zakładanych",
    "",
    "Pomoc sąsiedzka",
    "",
    "Okres realizacji: 2021",
    "",
    "Budżet projektu:",
    "",
    "10 000 zł – fundusz przeciwalkoholowy",
    "",
  ].join("\n");

  it("reads the pages the same way as the Bytom pages", () => {
    const proposal = parseReportText(text);
    const [a, b] = proposal.projects;
    expect(proposal.projects.map((p) => [p.symbol, p.title])).toEqual([
      ["P1", "Klub Seniora „Razem Raźniej”"],
      ["P2", "Bezpieczna Rodzina"],
      ["P3", "Pomoc sąsiedzka"],
    ]);
    expect(a?.fields.timeframe).toBe("Okres realizacji projektu: 01.02.2022 - 30.11.2023");
    expect(a?.fields.addressees).toBe("Grupa docelowa: seniorzy powyżej 65 roku życia.");
    expect(a?.fields.implementers).toBe("Partner: Stowarzyszenie Pogodna Jesień.");
    expect(a?.budget).toEqual({
      total: 200000,
      parts: [
        { source: "dotacja z budżetu państwa", amount: 150000, percent: 75 },
        {
          source: "rezerwa celowa",
          amount: 50000,
          percent: null,
          ofWhich: true,
          parentSource: "dotacja z budżetu państwa",
        },
        { source: "środki gminy", amount: 50000, percent: 25 },
      ],
    });
    expect(b?.fields.goal).toBe("Celem projektu było ograniczenie przemocy w rodzinie.");
    expect(
      proposal.indicators.map((i) => [i.projectSymbol, i.name, i.value, i.target, i.unit]),
    ).toEqual([
      ["P1", "liczba uczestników klubu", 48, null, "osób"],
      ["P1", "liczba spotkań", 45, 40, null],
      ["P2", "liczba rodzin objętych wsparciem", null, 12, "rodzin"],
      ["P2", "efektywność zatrudnieniowa", null, 20, "%"],
      ["P2", "liczba porad", 30, 25, null],
    ]);
    expect(proposal.warnings.some((w) => /programu lub konkursu/u.test(w))).toBe(true);
  });
});
