// The demo accounts of both municipalities: one per role in Ruda Śląska, a coordinator and a
// partner in Ostrowiec.
import type { demoAccountMaker } from "../demo-accounts.ts";
import type { OstrowiecStrategy } from "./ostrowiec-strategy.ts";
import type { RudaStrategy } from "./ruda-strategy.ts";

type AccountMaker = ReturnType<typeof demoAccountMaker>;

export async function makeRudaAccounts(account: AccountMaker, s: RudaStrategy) {
  const t = s.ruda.id;
  const { ruda, c1, pup } = s;
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
    { tenantId: t, role: "goal_coordinator", goalIds: [c1.id] },
    "koordynator celu C1",
    ruda.slug,
  );
  await account(
    "pup@ruda-slaska.demo",
    "Paweł Partner",
    { tenantId: t, role: "partner", institutionId: pup.id },
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

export async function makeOstrowiecAccounts(account: AccountMaker, s: OstrowiecStrategy) {
  const o = s.ostrowiec.id;
  const { ostrowiec, pcpr } = s;
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
    { tenantId: o, role: "partner", institutionId: pcpr.id },
    "realizator (PCPR)",
    ostrowiec.slug,
  );
}
