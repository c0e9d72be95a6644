// Rendered reports kept in the process (decision 048), at two levels (and the report data
// under the same rule as the first, so one reader's formats of a year read it once):
//
// - by inputs: tenant, the tenant's data version read from the database for this request, the
//   reader's rights, document, year, layout, format, options and the printed date. A hit costs
//   no query of the report data. Every audited write bumps the data version (decision 007), so
//   an entry is never served after the data it was made from changed.
// - by content: the hash of everything the renderers read (the laid-out blocks, the author, the
//   format and the printed date). Correct by construction: equal keys mean equal inputs to a
//   pure renderer. It serves a reader with other rights who sees the same data, a version bump that
//   changed nothing the report shows, and the reports rendered while the demo was seeded.
//
// The store hangs off globalThis under a Symbol.for key (as services.ts does): `busola serve`
// runs boot from the sources and the routes from the built bundle, two module graphs that must
// share one cache.
import { createHash } from "node:crypto";
import { canonicalJson } from "../domain/canonical-json.ts";
import { formatDate } from "../format/polish-dates.ts";
import type { Actor } from "../domain/actor.ts";
import type { ReportLayoutResult } from "./layout.ts";
import type { ReportData, ReportFormat, ReportLayout, ReportOptions } from "./model.ts";
import type { GeneratedReport, RenderMeta } from "./render.ts";

/** Report data kept (each ~1–2 MB): a reader's PDF, DOCX and HTML of one year read it once. */
const MAX_DATA = 16;
/** Past this many bytes of rendered files the least recently used go first. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 400;

type Store = {
  /** The data a reader's report shows, by everything but the layout, format and options. */
  data: Map<string, Promise<ReportData>>;
  byInputs: Map<string, GeneratedReport>;
  byContent: Map<string, Uint8Array>;
  /** Renders under way, so two equal requests at once compile once. */
  rendering: Map<string, Promise<Uint8Array>>;
  bytes: number;
  /** Files rendered since the process started (benchmarks and tests read it). */
  renders: number;
};

const KEY = Symbol.for("busola.report-cache");
type Holder = { [KEY]?: Store };

function store(): Store {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    data: new Map(),
    byInputs: new Map(),
    byContent: new Map(),
    rendering: new Map(),
    bytes: 0,
    renders: 0,
  };
  return holder[KEY];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What of the actor the report data depends on: the policies decide on rights, not on who. */
export function rightsOf(actor: Actor): unknown {
  const m = actor.membership;
  return {
    systemAdmin: actor.isSystemAdmin,
    role: m?.role ?? null,
    institutionId: m?.institutionId ?? null,
    goalIds: m ? [...m.goalIds].sort() : [],
  };
}

export type ReportInputs = {
  tenant: { id: string; name: string; kind: string; teryt: string };
  dataVersion: number;
  actor: Actor;
  documentId: string;
  year: number;
  layout: ReportLayout;
  format: ReportFormat;
  /** Without generatedAt: the time is `generatedAt` below. */
  options: Omit<ReportOptions, "generatedAt">;
  generatedAt: Date;
};

/** The inputs key; pure. The printed date stands for the time: the renderers show only the day. */
export function inputsKey(inputs: ReportInputs): string {
  return sha256(
    canonicalJson({
      tenant: {
        id: inputs.tenant.id,
        name: inputs.tenant.name,
        kind: inputs.tenant.kind,
        teryt: inputs.tenant.teryt,
      },
      dataVersion: inputs.dataVersion,
      rights: rightsOf(inputs.actor),
      documentId: inputs.documentId,
      year: inputs.year,
      layout: inputs.layout,
      format: inputs.format,
      // As buildModel resolves them, so a default given and a default left out are one key.
      options: {
        ...inputs.options,
        charts: inputs.options.charts ?? true,
        publishedOnly: inputs.options.publishedOnly ?? false,
      },
      day: formatDate(inputs.generatedAt),
    }),
  );
}

/**
 * The content key; pure: everything the renderers read — the laid-out blocks, the author and
 * the day (the time only stamps the PDF) — so two models that lay out alike share one file.
 */
export function contentKey(layout: ReportLayoutResult, format: ReportFormat, meta: RenderMeta) {
  return sha256(
    canonicalJson({ format, author: meta.author, day: formatDate(meta.createdAt), layout }),
  );
}

/**
 * The inputs key without what only lays out or renders (layout, format, options other than
 * publishedOnly, the day): the data level, under the same data version rule as the inputs.
 */
export function dataKey(inputs: ReportInputs): string {
  return inputsKey({
    ...inputs,
    layout: "cards",
    format: "html",
    options: { publishedOnly: inputs.options.publishedOnly ?? false },
    generatedAt: new Date(0),
  });
}

/** The report data of this key, read by `load` only when not kept; a failed read is not kept. */
export function cachedData(key: string, load: () => Promise<ReportData>): Promise<ReportData> {
  const s = store();
  const kept = s.data.get(key);
  if (kept) {
    touch(s.data, key, kept);
    return kept;
  }
  const promise = load();
  s.data.set(key, promise);
  promise.catch(() => s.data.delete(key));
  if (s.data.size > MAX_DATA) s.data.delete(s.data.keys().next().value!);
  return promise;
}

export function cachedByInputs(key: string): GeneratedReport | undefined {
  const hit = store().byInputs.get(key);
  if (hit) touch(store().byInputs, key, hit);
  return hit;
}

export function keepByInputs(key: string, report: GeneratedReport): void {
  const s = store();
  touch(s.byInputs, key, report);
  if (s.byInputs.size > MAX_ENTRIES) s.byInputs.delete(s.byInputs.keys().next().value!);
}

/** The rendered file of this content, rendered by `render` only when not kept. */
export async function renderedOnce(
  key: string,
  render: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const s = store();
  const kept = s.byContent.get(key);
  if (kept) {
    touch(s.byContent, key, kept);
    return kept;
  }
  const running = s.rendering.get(key);
  if (running) return running;
  s.renders++;
  const promise = render().then((bytes) => {
    keepContent(key, bytes);
    return bytes;
  });
  s.rendering.set(key, promise);
  try {
    return await promise;
  } finally {
    s.rendering.delete(key);
  }
}

function keepContent(key: string, bytes: Uint8Array): void {
  const s = store();
  if (bytes.byteLength > MAX_BYTES / 4) return;
  s.byContent.set(key, bytes);
  s.bytes += bytes.byteLength;
  while (s.bytes > MAX_BYTES || s.byContent.size > MAX_ENTRIES) {
    const [oldest, old] = s.byContent.entries().next().value!;
    s.byContent.delete(oldest);
    s.bytes -= old.byteLength;
    // An inputs entry holding the same bytes goes too, so the bound holds for both levels.
    for (const [k, r] of s.byInputs) if (r.bytes === old) s.byInputs.delete(k);
  }
}

function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/** How many files are kept, for tests and benchmarks. */
export function reportCacheSize() {
  const s = store();
  return {
    inputs: s.byInputs.size,
    contents: s.byContent.size,
    bytes: s.bytes,
    renders: s.renders,
  };
}

export function clearReportCache(): void {
  const s = store();
  s.data.clear();
  s.byInputs.clear();
  s.byContent.clear();
  s.bytes = 0;
}
