// The corpus documents that are Word files, built with the `docx` library (no binaries in the
// repository): real heading styles, merged table cells, a generated-style table of contents.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";

const p = (text: string) => new Paragraph({ text });
const h = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading:
      level === 1
        ? HeadingLevel.HEADING_1
        : level === 2
          ? HeadingLevel.HEADING_2
          : HeadingLevel.HEADING_3,
  });
const cell = (text: string, merge?: "restart" | "continue", columnSpan?: number) =>
  new TableCell({
    children: [p(text)],
    ...(columnSpan ? { columnSpan } : {}),
    ...(merge
      ? {
          verticalMerge:
            merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        }
      : {}),
  });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const pack = (
  children: (Paragraph | Table)[],
  styles?: ConstructorParameters<typeof Document>[0]["styles"],
) => Packer.toBuffer(new Document({ ...(styles ? { styles } : {}), sections: [{ children }] }));

/** Family support program report of the rural gmina Kłodzko: cards by heading, no symbols. */
export function klodzkoFamilySupport(): Promise<Buffer> {
  const field = (label: string, value: string) =>
    new Paragraph({
      children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(value)],
    });
  return pack([
    p(
      "Raport z realizacji Gminnego Programu Wspierania Rodziny w Gminie Kłodzko na lata 2019-2021 za rok 2020",
    ),
    p("Program przyjęto uchwałą nr XI/88/2019 Rady Gminy Kłodzko z dnia 27 czerwca 2019 r."),
    h("Cel 1. Wzmocnienie rodzin w pełnieniu funkcji opiekuńczo-wychowawczych", 1),
    h("Asystent rodziny", 2),
    field("Realizator:", "Gminny Ośrodek Pomocy Społecznej w Kłodzku"),
    field("Adresaci:", "rodziny przeżywające trudności opiekuńczo-wychowawcze"),
    field("Źródło finansowania:", "budżet gminy, Program „Asystent rodziny” MRiPS"),
    field("Efekty:", "wsparciem objęto 18 rodzin"),
    h("Poradnictwo specjalistyczne dla rodzin", 2),
    field("Cel zadania:", "wzmocnienie kompetencji rodzicielskich"),
    field("Realizatorzy:", "GOPS we współpracy z Poradnią Psychologiczno-Pedagogiczną w Kłodzku"),
    field("Termin realizacji:", "2020 r."),
    h("Cel 2. Rozwój pieczy zastępczej", 1),
    h("Współfinansowanie pobytu dzieci w pieczy zastępczej", 2),
    field("Realizator:", "Powiatowe Centrum Pomocy Rodzinie w Kłodzku"),
    field("Finansowanie:", "budżet gminy"),
    h("Wskaźniki realizacji programu", 1),
    new Table({
      rows: [
        row(
          cell("Lp."),
          cell("Nazwa wskaźnika"),
          cell("Podmiot realizujący"),
          cell("Wykonanie"),
          cell("Uwagi"),
        ),
        row(
          cell("1.1", "restart"),
          cell("liczba rodzin objętych wsparciem asystenta"),
          cell("GOPS"),
          cell("18"),
          cell(""),
        ),
        row(
          cell("", "continue"),
          cell("liczba porad specjalistycznych"),
          cell("GOPS, PPP"),
          cell("64"),
          cell("GOPS (40), PPP (24)"),
        ),
        row(
          cell("2.1"),
          cell("liczba dzieci w pieczy zastępczej"),
          cell("PCPR"),
          cell("11"),
          cell("w tym 4 w rodzinach spokrewnionych"),
        ),
      ],
    }),
  ]);
}

/** Strategy report of Gliwice: one table per goal, merged goal cells, a column per year. */
export function gliwiceStrategyTables(): Promise<Buffer> {
  const header = row(
    cell("Cel operacyjny"),
    cell("Kierunki działań"),
    cell("Wskaźnik"),
    cell("2019"),
    cell("2020"),
    cell("2021"),
    cell("Uwagi"),
  );
  return pack([
    p(
      "Sprawozdanie z realizacji Strategii Rozwiązywania Problemów Społecznych Miasta Gliwice na lata 2016-2022 za rok 2021",
    ),
    h("Cel strategiczny 1. Przeciwdziałanie ubóstwu i wykluczeniu społecznemu", 1),
    new Table({
      rows: [
        header,
        row(
          cell("1.1. Aktywizacja zawodowa", "restart"),
          cell("programy aktywizacji", "restart"),
          cell("liczba osób objętych kontraktem socjalnym"),
          cell("140"),
          cell("121"),
          cell("133"),
          cell("MOPS: 133"),
        ),
        row(
          cell("", "continue"),
          cell("", "continue"),
          cell("liczba uczestników CIS"),
          cell("52"),
          cell("48"),
          cell("55"),
          cell("CIS – 55"),
        ),
        row(
          cell("1.2. Pomoc osobom bezdomnym", "restart"),
          cell("schronienie", "restart"),
          cell("liczba miejsc w schroniskach"),
          cell("120"),
          cell("120"),
          cell("126"),
          cell("MOPS – 96, Caritas – 30"),
        ),
      ],
    }),
    h("Cel strategiczny 2. Wsparcie rodziny", 1),
    new Table({
      rows: [
        header,
        row(
          cell("2.1. Wsparcie rodzin z dziećmi", "restart"),
          cell("asysta rodzinna", "restart"),
          cell("liczba rodzin z asystentem rodziny"),
          cell("210"),
          cell("198"),
          cell("204"),
          cell("204 – MOPS"),
        ),
        row(
          cell("", "continue"),
          cell("", "continue"),
          cell("liczba placówek wsparcia dziennego"),
          cell("9"),
          cell("9"),
          cell("10"),
          cell("MOPS (6)\nStowarzyszenie Wiosna (4)"),
        ),
      ],
    }),
    h("Podsumowanie", 1),
    p("Strategia jest realizowana zgodnie z założeniami."),
  ]);
}

/** Card report of Zabrze: Heading 1 goals, Heading 2 cards with symbols, Word-style contents. */
export function zabrzeCards(): Promise<Buffer> {
  const toc = (text: string, page: number) =>
    new Paragraph({
      style: "Spis1",
      children: [new TextRun(text), new TextRun({ children: [new Tab(), String(page)] })],
    });
  const f = (label: string, value: string) => [p(label), p(value)];
  return pack(
    [
      p(
        "Sprawozdanie z realizacji Strategii Rozwiązywania Problemów Społecznych Miasta Zabrze za rok 2020",
      ),
      p("Spis treści"),
      toc("1. C1K1 Klub Integracji Społecznej", 3),
      toc("2. C1K2 Noclegownia dla osób bezdomnych", 4),
      toc("3. C2K1 Rodzinne Centrum Wsparcia", 5),
      h("CEL STRATEGICZNY (C1) Przeciwdziałanie wykluczeniu społecznemu", 1),
      h("Klub Integracji Społecznej [C1K1]", 2),
      ...f("Realizator projektu:", "Miejski Ośrodek Pomocy Społecznej w Zabrzu"),
      ...f("Cel projektu:", "Reintegracja zawodowa osób bezrobotnych. Cel został osiągnięty."),
      ...f("Źródło finansowania:", "Budżet miasta."),
      h("Noclegownia dla osób bezdomnych", 2),
      h("[C1K2]", 2),
      ...f("Adresat:", "Osoby bezdomne."),
      ...f("Realizatorzy:", "Towarzystwo Pomocy im. św. Brata Alberta, MOPS"),
      ...f("Termin realizacji:", "Projekt realizowany od 2010 r., będzie kontynuowany."),
      h("CEL STRATEGICZNY (C2) Wspieranie rodziny", 1),
      h("Rodzinne Centrum Wsparcia [C2K1]", 2),
      ...f("Cel projektu:", "Wsparcie rodzin w kryzysie."),
      ...f("Realizator projektu:", "Lider: MOPS; Partner: Fundacja Rodzina"),
    ],
    { paragraphStyles: [{ id: "Spis1", name: "toc 1", basedOn: "Normal" }] },
  );
}
