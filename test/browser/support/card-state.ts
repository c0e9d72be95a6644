// Reads what a stopped server's data directory holds for the card burst of processes.ts, and
// checks it against the acknowledged saves: every acknowledged write present, none half-written.
import { eq, like } from "drizzle-orm";
import { expect } from "vitest";
import { openDatabase } from "../../../app/db/client.ts";
import { auditLog, projectCards } from "../../../app/db/schema.ts";
import type { CardSave } from "./processes.ts";

export type BurstCard = { id: string; effects: string | null; version: number; audits: string[] };

/** The burst's cards (their effects text starts with "burst-") and their audit entries' text. */
export async function readBurstCards(dataDir: string): Promise<Map<number, BurstCard>> {
  const database = await openDatabase({ dataDir });
  try {
    const cards = await database.db
      .select()
      .from(projectCards)
      .where(like(projectCards.effects, "burst-%"));
    const byLane = new Map<number, BurstCard>();
    for (const card of cards) {
      const lane = Number(card.effects!.split("-")[1]);
      const audits = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, card.id));
      byLane.set(lane, {
        id: card.id,
        effects: card.effects,
        version: card.version,
        audits: audits
          .map((a) => (a.after as { effects?: string } | null)?.effects ?? "")
          .filter((e) => e.startsWith("burst-")),
      });
    }
    return byLane;
  } finally {
    await database.close();
  }
}

const index = (marker: string) => Number(marker.split("-")[2]);

/**
 * Each lane's stored text is its last save acknowledged by `before` or a later one that was
 * sent (committed but unanswered); the save that produced it has its audit entry (one
 * transaction: nothing half-written), and every acknowledged save by then has one too.
 */
export function expectAcknowledgedPresent(
  cards: Map<number, BurstCard>,
  saves: CardSave[],
  before: number,
): number {
  let checked = 0;
  const lanes = new Set(saves.map((s) => Number(s.marker.split("-")[1])));
  for (const lane of lanes) {
    const mine = saves.filter((s) => Number(s.marker.split("-")[1]) === lane);
    // At or before: the answer and the backup's start can fall in the same millisecond, and a
    // save answered by then must be in the copy (a strict "<" once counted 19 of 20).
    const acked = mine.filter((s) => s.ackedAt !== null && s.ackedAt <= before);
    if (acked.length === 0) continue;
    const last = acked[acked.length - 1]!;
    const card = cards.get(lane);
    expect(card, `lane ${lane}: no card with the burst's text`).toBeDefined();
    expect(index(card!.effects!), `lane ${lane}: acknowledged save lost`).toBeGreaterThanOrEqual(
      index(last.marker),
    );
    expect(mine.map((s) => s.marker)).toContain(card!.effects);
    expect(card!.audits, `lane ${lane}: stored text without its audit entry`).toContain(
      card!.effects,
    );
    for (const save of acked) expect(card!.audits).toContain(save.marker);
    checked += acked.length;
  }
  return checked;
}
