// The demo accounts of Ruda Śląska and Ostrowiec, the same in both demos (the factory demo and
// the seed-report demo): one per role in Ruda Śląska, a coordinator and a partner in Ostrowiec.
import type { demoAccountMaker } from "./demo-accounts.ts";

type AccountMaker = ReturnType<typeof demoAccountMaker>;
type DemoTenant = { id: string; slug: string };

export async function makeRudaAccounts(
  account: AccountMaker,
  facts: { ruda: DemoTenant; c1Id: string | null; pupId: string },
) {
  const { ruda, c1Id, pupId } = facts;
  const t = ruda.id;
  await account(
    "admin@ruda-slaska.demo",
    "Anna Administrator",
    { tenantId: t, role: "admin", isSystemAdmin: true },
    "administrator (także systemu)",
    ruda.slug,
  );
  await account(
    "koordynator@ruda-slaska.demo",
    "Katarzyna Koordynator",
    { tenantId: t, role: "coordinator" },
    "koordynator strategii",
    ruda.slug,
  );
  await account(
    "cel1@ruda-slaska.demo",
    "Karina Kaczyńska",
    { tenantId: t, role: "goal_coordinator", goalIds: c1Id ? [c1Id] : [] },
    "koordynator celu C1",
    ruda.slug,
  );
  await account(
    "pup@ruda-slaska.demo",
    "Paweł Partner",
    { tenantId: t, role: "partner", institutionId: pupId },
    "realizator (PUP)",
    ruda.slug,
  );
  await account(
    "odczyt@ruda-slaska.demo",
    "Weronika Widz",
    { tenantId: t, role: "viewer" },
    "odczyt",
    ruda.slug,
  );
}

export async function makeOstrowiecAccounts(
  account: AccountMaker,
  facts: { ostrowiec: DemoTenant; pcprId: string | null },
) {
  const { ostrowiec, pcprId } = facts;
  const o = ostrowiec.id;
  await account(
    "koordynator@ostrowiec.demo",
    "Olga Ostrowska",
    { tenantId: o, role: "coordinator" },
    "koordynator strategii",
    ostrowiec.slug,
  );
  await account(
    "pcpr@ostrowiec.demo",
    "Piotr Pcpr",
    { tenantId: o, role: "partner", institutionId: pcprId },
    "realizator (PCPR)",
    ostrowiec.slug,
  );
  // Ruda Śląska's seed has no indicator, so on `npm start` this is the viewer whose home draws
  // indicator trends (over the example years, decision 054).
  await account(
    "odczyt@ostrowiec.demo",
    "Oskar Obserwator",
    { tenantId: o, role: "viewer" },
    "odczyt",
    ostrowiec.slug,
  );
}
