// Every change attributable (reliability item 14): a whole round (card and contribution tasks,
// submit, return, resubmit, accept), a workbook upload confirmed, an import committed and a
// finding acknowledged — then every row of the municipality's data tables that was created,
// changed or deleted must have its audit entry after the start: who, when, what before/after.
import ExcelJS from "exceljs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, gte, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "../../app/db/client.ts";
import { auditLog } from "../../app/db/schema.ts";
import { commitDraft, createDraft, planDraft } from "../../app/domain/import-drafts/drafts.ts";
import { getTask, saveTask } from "../../app/domain/rounds/partner-work.ts";
import { acceptAssignment, returnAssignment } from "../../app/domain/rounds/review.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import {
  confirmWorkbookUpload,
  partnerWorkbookFile,
  receivePartnerWorkbook,
} from "../../app/round-xlsx/index.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";
import { SEED_003, readSeed } from "../unit/report-reader/seeds.ts";

type Row = Record<string, unknown>;
/** Which audit entity a row of each table belongs to. */
type Owner = (row: Row) => { types: string[]; id: string };

const own =
  (type: string, column = "id"): Owner =>
  (row) => ({ types: [type], id: String(row[column]) });

// The municipality's data. Left out on purpose: outbox_messages, outbox_attempts, reminder_log
// and auth_tokens (logs of what was sent and single-use secrets, not data), workbook_uploads
// (a received file; what its confirmation changes is audited on the changed rows).
const TABLES: Record<string, Owner> = {
  plan_documents: own("plan_document"),
  document_links: own("plan_document", "from_document_id"),
  strategic_goals: own("strategic_goal"),
  operational_goals: own("operational_goal"),
  projects: own("project"),
  project_institutions: own("project", "project_id"),
  project_cards: own("project_card"),
  indicators: own("indicator"),
  indicator_values: own("indicator_value"),
  indicator_contributions: own("indicator_value", "value_id"),
  indicator_breakdowns: own("indicator_value", "value_id"),
  budgets: own("budget"),
  budget_parts: own("budget", "budget_id"),
  institutions: own("institution"),
  memberships: own("membership"),
  membership_goals: own("membership", "membership_id"),
  reporting_rounds: own("reporting_round"),
  round_assignments: own("round_assignment"),
  finding_acknowledgements: (row) => ({
    types: [String(row.entity_type)],
    id: String(row.entity_id),
  }),
  final_reports: own("final_report"),
  publications: own("publication"),
  import_drafts: own("import"),
};

const keyOf = (row: Row) =>
  row.id !== undefined ? String(row.id) : JSON.stringify(Object.values(row).slice(0, 4));

async function snapshot(db: DbOrTx, tenantId: string) {
  const out = new Map<string, Map<string, string>>();
  for (const table of Object.keys(TABLES)) {
    const result = (await db.execute(
      sql`select * from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
    )) as unknown as { rows: Row[] };
    out.set(table, new Map(result.rows.map((r) => [keyOf(r), JSON.stringify(r)])));
  }
  return out;
}

/** Rows created, changed or deleted between two snapshots, with the row as it is (or was). */
function changedRows(before: Awaited<ReturnType<typeof snapshot>>, after: typeof before) {
  const changed: { table: string; row: Row; kind: "create" | "update" | "delete" }[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table)!;
    for (const [key, json] of rows) {
      if (!old.has(key)) changed.push({ table, row: JSON.parse(json), kind: "create" });
      else if (old.get(key) !== json)
        changed.push({ table, row: JSON.parse(json), kind: "update" });
    }
    for (const [key, json] of old)
      if (!rows.has(key)) changed.push({ table, row: JSON.parse(json), kind: "delete" });
  }
  return changed;
}

async function runRound(w: World) {
  const round = await openRound({
    scope: w.scope("coordinator"),
    documentId: w.doc.id,
    year: 2021,
    deadline: "2099-02-28",
    remindBefore: [7, 1],
    remindAfter: [1],
    changeThreshold: 50,
  });
  const items = async () =>
    (await getRound({ scope: w.scope("coordinator"), roundId: round.id })).assignments;
  const card = (await items()).find((a) => a.kind === "card" && a.institutionId === w.instA.id)!;
  const cardTask = await getTask({ scope: w.scope("partnerA"), assignmentId: card.id });
  const fields = { goalText: "Cel na 2021", effects: "Efekty 2021: 12 spotkań" };
  await saveTask({
    scope: w.scope("partnerA"),
    assignmentId: card.id,
    assignmentVersion: cardTask.assignment.version,
    submit: true,
    explanation: null,
    card: { expectedVersion: null, fields: fields as never },
  });
  let reviewed = (await items()).find((a) => a.id === card.id)!;
  await returnAssignment({
    scope: w.scope("coordinator"),
    assignmentId: card.id,
    expectedVersion: reviewed.version,
    comment: "Proszę uzupełnić efekty.",
  });
  const again = await getTask({ scope: w.scope("partnerA"), assignmentId: card.id });
  await saveTask({
    scope: w.scope("partnerA"),
    assignmentId: card.id,
    assignmentVersion: again.assignment.version,
    submit: true,
    explanation: null,
    card: {
      expectedVersion: again.kind === "card" ? (again.card?.version ?? null) : null,
      fields: { ...fields, effects: "Efekty 2021: 12 spotkań, 40 osób" } as never,
    },
  });
  reviewed = (await items()).find((a) => a.id === card.id)!;
  await acceptAssignment({
    scope: w.scope("coordinator"),
    assignmentId: card.id,
    expectedVersion: reviewed.version,
  });
  // Institution B reports its contribution through the workbook.
  const file = await partnerWorkbookFile({ scope: w.scope("partnerB"), roundId: round.id });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as never);
  wb.getWorksheet("Wskaźniki")!.getRow(2).getCell(9).value = 21;
  const received = await receivePartnerWorkbook({
    scope: w.scope("partnerB"),
    roundId: round.id,
    bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    fileName: "arkusz.xlsx",
  });
  expect(received.errors).toEqual([]);
  const confirmed = await confirmWorkbookUpload({
    scope: w.scope("partnerB"),
    roundId: round.id,
    uploadId: received.uploadId!,
    override: false,
  });
  expect(confirmed.outcome).toBe("saved");
}

async function runImport(w: World) {
  const scope = w.scope("coordinator");
  const dir = await mkdtemp(path.join(tmpdir(), "busola-audit-"));
  const file = path.join(dir, "ostrowiec-2021.txt");
  await writeFile(file, readSeed(SEED_003));
  const draft = await createDraft({ scope, file, fileName: "ostrowiec-2021.txt" });
  await planDraft({ scope, draft, documentId: null, year: 2021 });
  await commitDraft({
    scope,
    draftId: draft.id,
    target: {
      newDocument: {
        kind: "strategy",
        title: "Strategia rozwiązywania problemów społecznych",
        slug: "strategia-audyt",
        periodStart: 2014,
        periodEnd: 2021,
        resolutionNumber: null,
        resolutionDate: null,
        status: "in_force",
      },
    },
    year: 2021,
    decisions: { rejected: [], corrections: {} },
  });
}

describe.each(engines())("every change attributable on %s", (engine) => {
  const database = useDatabase(engine);

  it("a round, a workbook, an import: every changed row has its audit entry", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const start = new Date(Date.now() - 1000);
    const before = await snapshot(db, w.tenant.id);
    await runRound(w);
    await runImport(w);
    const after = await snapshot(db, w.tenant.id);
    const changed = changedRows(before, after);
    // The scenario touched many kinds of rows, or this test proves nothing.
    const tables = new Set(changed.map((c) => c.table));
    for (const t of [
      "reporting_rounds",
      "round_assignments",
      "project_cards",
      "indicator_values",
      "indicator_contributions",
      "indicators",
      "import_drafts",
    ])
      expect(tables, t).toContain(t);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenant.id), gte(auditLog.at, start)));
    const byEntity = new Map<string, typeof audit>();
    for (const a of audit) {
      const k = `${a.entityType}:${a.entityId}`;
      byEntity.set(k, [...(byEntity.get(k) ?? []), a]);
    }
    const missing: string[] = [];
    for (const c of changed) {
      const { types, id } = TABLES[c.table]!(c.row);
      const entries = types.flatMap((t) => byEntity.get(`${t}:${id}`) ?? []);
      if (entries.length === 0) missing.push(`${c.kind} ${c.table} ${keyOf(c.row)}`);
      for (const e of entries) {
        expect(e.userId, `${c.table}: who`).toBeTruthy();
        expect(e.at).toBeInstanceOf(Date);
        if (e.action === "create") expect(e.after, `${c.table}: what after`).not.toBeNull();
        if (e.action === "update") {
          expect(e.before, `${c.table}: what before`).not.toBeNull();
          expect(e.after).not.toBeNull();
        }
      }
    }
    expect(missing).toEqual([]);
  }, 180_000);
});
