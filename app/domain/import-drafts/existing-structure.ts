// What a municipality already holds, in the shape planImport compares an import against
// (loaded by existing.ts). Types only, and the empty structure of a new document.
export type ExistingStructure = {
  goals: { id: string; code: string; title: string; coordinator: string | null }[];
  directions: { id: string; goalId: string; code: string; title: string }[];
  projects: { id: string; directionId: string; symbol: string; title: string }[];
  /** Cards of the imported year, by project id. */
  cards: Map<string, CardSnapshot>;
  indicators: {
    id: string;
    directionId: string;
    projectId: string | null;
    name: string;
    unit: string;
  }[];
  /** Values of the imported year, by indicator id. */
  values: Map<string, { id: string; total: number | null; remarks: string | null }>;
  institutions: { id: string; name: string; shortName: string | null }[];
  /** The municipality's documents, for the documents a report names (plan-named-documents.ts). */
  documents?: ExistingDocument[];
  /** The document imported into; null for a new one. */
  documentId?: string | null;
  /** Documents already linked to it, either way. */
  linkedDocumentIds?: Set<string>;
};

export type ExistingDocument = {
  id: string;
  slug: string;
  title: string;
  kind: string;
  periodStart: number;
  periodEnd: number;
  resolutionNumber: string | null;
};

export type CardSnapshot = {
  id: string;
  status: string;
  statusReason: string | null;
  goalText: string | null;
  addressees: string | null;
  implementers: string | null;
  stages: string | null;
  effects: string | null;
  funding: string | null;
  timeframe: string | null;
};

export const EMPTY_STRUCTURE: ExistingStructure = {
  goals: [],
  directions: [],
  projects: [],
  cards: new Map(),
  indicators: [],
  values: new Map(),
  institutions: [],
};
