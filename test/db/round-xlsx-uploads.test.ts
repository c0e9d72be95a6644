// The spreadsheet path inside a round: an upload kept until confirmed, the items it touched "in
// progress", a double confirmation saving once, locked items refused per item (at upload and
// when locked in between), another institution's workbook and guessed ids refused.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { roundAssignments, workbookUploads } from "../../app/db/schema.ts";
import { NotFoundError } from "../../app/domain/errors.ts";
import { getIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { saveTask } from "../../app/domain/rounds/partner-work.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import {
  confirmWorkbookUpload,
  getWorkbookUpload,
  partnerWorkbookFile,
  receivePartnerWorkbook,
} from "../../app/round-xlsx/index.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

async function open(w: World) {
  return openRound({
    scope: w.scope("coordinator"),
    documentId: w.doc.id,
    year: 2021,
    deadline: "2099-02-28",
    remindBefore: [7, 1],
    remindAfter: [1],
    changeThreshold: 50,
  });
}

/** The partner's workbook with the indicator's value typed into its cell. */
async function workbook(
  w: World,
  roundId: string,
  value: number,
  who: "partnerA" | "partnerB" = "partnerA",
) {
  const file = await partnerWorkbookFile({ scope: w.scope(who), roundId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as never);
  wb.getWorksheet("Wskaźniki")!.getRow(2).getCell(9).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const contributionOf = async (w: World, roundId: string) => {
  const view = await getRound({ scope: w.scope("coordinator"), roundId });
  return view.assignments.find((a) => a.kind === "contribution" && a.institutionId === w.instA.id)!;
};

const valueOfA = async (w: World) => {
  const v = await getIndicatorValue({
    scope: w.scope("coordinator"),
    indicatorId: w.indicator.id,
    year: 2021,
  });
  return v.bundle?.contributions.find((c) => c.institutionId === w.instA.id)?.value ?? null;
};

describe.each(engines())("round workbook uploads on %s", (engine) => {
  const database = useDatabase(engine);

  it("keeps the upload, saves on confirmation once, marks the item in progress", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const scope = w.scope("partnerA");
    const file = await partnerWorkbookFile({ scope, roundId: round.id });
    expect(file.fileName).toBe("Arkusz 2021 — Instytucja A.xlsx");
    const received = await receivePartnerWorkbook({
      scope,
      roundId: round.id,
      bytes: await workbook(w, round.id, 12),
      fileName: "arkusz.xlsx",
    });
    expect(received.errors).toEqual([]);
    const uploadId = received.uploadId!;
    expect(await valueOfA(w)).toBeNull();
    const view = await getWorkbookUpload({ scope, roundId: round.id, uploadId });
    expect(view.changes.contributions[0]!.diffs).toEqual([
      expect.objectContaining({ field: "value", before: null, after: 12 }),
    ]);
    // Only its author sees an upload.
    await expect(
      getWorkbookUpload({ scope: w.scope("partnerB"), roundId: round.id, uploadId }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const [first, second] = await Promise.all([
      confirmWorkbookUpload({ scope, roundId: round.id, uploadId, override: false }),
      confirmWorkbookUpload({ scope, roundId: round.id, uploadId, override: false }),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(["done", "saved"]);
    expect(await valueOfA(w)).toBe(12);
    expect((await contributionOf(w, round.id)).status).toBe("in_progress");
  });

  it("refuses a locked item per cell at upload, and per item when locked before confirmation", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const scope = w.scope("partnerA");
    const bytes = await workbook(w, round.id, 14);
    const received = await receivePartnerWorkbook({
      scope,
      roundId: round.id,
      bytes,
      fileName: "arkusz.xlsx",
    });
    const uploadId = received.uploadId!;

    // Submitted through the form in between: the confirmation saves nothing.
    const a = await contributionOf(w, round.id);
    await saveTask({
      scope,
      assignmentId: a.id,
      assignmentVersion: a.version,
      submit: true,
      explanation: null,
      contribution: { expectedVersion: null, value: 11, approximate: false, note: null },
    });
    const result = await confirmWorkbookUpload({
      scope,
      roundId: round.id,
      uploadId,
      override: true,
    });
    expect(result).toMatchObject({
      outcome: "conflicts",
      conflicts: [
        expect.objectContaining({
          locked: true,
          message: expect.stringMatching(
            /^Wartość wskaźnika „liczba osób objętych wsparciem”: Ta pozycja została przekazana do sprawdzenia/,
          ),
        }),
      ],
    });
    expect(await valueOfA(w)).toBe(11);

    // A new upload of the locked item: an error at its cell, nothing kept.
    const again = await receivePartnerWorkbook({
      scope,
      roundId: round.id,
      bytes,
      fileName: "arkusz.xlsx",
    });
    expect(again.uploadId).toBeNull();
    expect(again.errors).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "I2",
        message: expect.stringContaining("została przekazana do sprawdzenia lub zatwierdzona"),
      },
    ]);
    const rows = await database
      .get()
      .db.select()
      .from(workbookUploads)
      .where(eq(workbookUploads.roundId, round.id));
    expect(rows).toHaveLength(1);
    const [assignment] = await database
      .get()
      .db.select()
      .from(roundAssignments)
      .where(eq(roundAssignments.id, a.id));
    expect(assignment!.status).toBe("submitted");
  });

  it("refuses another institution's workbook and guessed ids", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const foreign = await receivePartnerWorkbook({
      scope: w.scope("partnerA"),
      roundId: round.id,
      bytes: await workbook(w, round.id, 3, "partnerB"),
      fileName: "arkusz.xlsx",
    });
    expect(foreign.errors[0]!.message).toMatch(/^Ten arkusz przygotowano dla innej instytucji/);
    const guessed = "00000000-0000-4000-8000-000000000000";
    await expect(
      partnerWorkbookFile({ scope: w.scope("partnerA"), roundId: guessed }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      partnerWorkbookFile({ scope: w.scope("partnerA"), roundId: "nie-uuid" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // A coordinator names the institution; a partner cannot ask for another's.
    const forB = await partnerWorkbookFile({
      scope: w.scope("coordinator"),
      roundId: round.id,
      institutionId: w.instB.id,
    });
    expect(forB.fileName).toBe("Arkusz 2021 — Instytucja B.xlsx");
    const own = await partnerWorkbookFile({
      scope: w.scope("partnerA"),
      roundId: round.id,
      institutionId: w.instB.id,
    });
    expect(own.fileName).toBe("Arkusz 2021 — Instytucja A.xlsx");
  });
});
