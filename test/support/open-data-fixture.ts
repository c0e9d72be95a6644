// A published municipality as the open-data layer receives it (already suppressed), for the
// pure tests of rows, serializers and API resources.
import type { MunicipalityPublications } from "../../app/domain/open-data/types.ts";
import type { PublicView } from "../../app/domain/publication/types.ts";

export function fixtureView(over: Partial<PublicView> = {}): PublicView {
  return {
    schema: 1,
    smallCountsBelow: 3,
    indicatorFacts: {},
    implements: [],
    municipality: {
      name: "Gmina Łęczna",
      kind: "gmina_miejska",
      teryt: "0311034",
      welfareCentreName: null,
    },
    document: {
      id: "doc-1",
      slug: "strategia-2021-2030",
      kind: "strategy",
      title: "Strategia rozwiązywania problemów społecznych, „Łęczna 2030”",
      periodStart: 2021,
      periodEnd: 2030,
      resolutionNumber: "XII/100/2021",
      resolutionDate: "2021-03-30",
    },
    year: 2021,
    programs: [],
    nextYear: [],
    goals: [
      {
        code: "C1",
        title: 'Wsparcie rodzin, w tym "dzieci"',
        coordinatorName: null,
        coordinatorPosition: null,
        directions: [
          {
            code: "C1K1",
            title: "Pomoc rodzinom",
            actionLines: [],
            indicators: [
              {
                id: "ind-1",
                name: "liczba rodzin objętych pracą socjalną",
                unit: "rodziny",
                kind: "output",
                target: 12.5,
                history: [],
                value: {
                  total: 25,
                  approximate: false,
                  remarks: null,
                  published: true,
                  parts: [],
                  contributions: [
                    {
                      institution: "MOPS, Dział Pomocy",
                      value: 23,
                      approximate: false,
                      note: null,
                      parts: [],
                    },
                    {
                      institution: "PCPR",
                      value: null,
                      withheld: true,
                      approximate: false,
                      note: null,
                      parts: [],
                    },
                  ],
                },
              },
            ],
            projects: [
              {
                id: "proj-1",
                symbol: "C1K1.1",
                title: "Klub „Rodzina”",
                sinceYear: 2019,
                institutions: ["MOPS"],
                card: {
                  status: "carried_out",
                  statusReason: null,
                  reportedIn: null,
                  goalText: "Cel, z przecinkiem",
                  goalVerdict: "achieved",
                  goalVerdictReason: null,
                  addressees: "Rodziny\nz dziećmi",
                  implementers: "MOPS",
                  stages: null,
                  effects: "Spotkania",
                  indicatorsText: null,
                  evaluation: null,
                  funding: null,
                  timeframe: "2021",
                  continuation: "yes",
                  nextYearTitle: null,
                  published: true,
                },
                budgets: [
                  {
                    year: 2021,
                    total: 1588268.16,
                    parts: [
                      { label: "środki własne gminy", amount: 1000000.16, percent: 62.96 },
                      { label: "budżet państwa", amount: 588268, percent: 37.04 },
                    ],
                  },
                ],
                indicators: [],
              },
            ],
          },
        ],
      },
    ],
    ...over,
  } as PublicView;
}

export function fixturePublications(): MunicipalityPublications {
  return {
    municipality: {
      id: "t-1",
      slug: "leczna",
      name: "Gmina Łęczna",
      teryt: "0311034",
      kind: "gmina_miejska",
    },
    years: [
      {
        publicationId: "pub-1",
        version: 2,
        publishedAt: "2022-04-30T10:15:00.000Z",
        data: fixtureView(),
      },
    ],
    register: [
      {
        publicationId: "pub-1",
        documentSlug: "strategia-2021-2030",
        documentTitle: "Strategia",
        year: 2021,
        version: 2,
        producedBy: "MOPS",
        producedAt: "2022-04-01T08:00:00.000Z",
        publishedAt: "2022-04-30T10:15:00.000Z",
        publishedBy: "Anna Nowak",
        withdrawnAt: null,
        withdrawalReason: null,
      },
    ],
  };
}
