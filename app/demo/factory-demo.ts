// A compact demo built by the shared factories from passages of the seed reports (Ruda Śląska
// 2020 — project cards; Ostrowiec Świętokrzyski 2021 — indicator tables), including the real
// inconsistencies of seeds 003 and 002. `npm start` imports the whole seed documents instead
// (seed-demo.ts); this small, hand-checked set is what the browser tests run on
// (BUSOLA_DEMO_DATA=factories), so their expectations stay short and exact.
import type { Db } from "../db/client.ts";
import { addDemoExampleYears } from "./example-years.ts";
import { demoAccountMaker, type DemoAccount } from "./demo-accounts.ts";
import { makeOstrowiecAccounts, makeRudaAccounts } from "./demo-municipality-accounts.ts";
import { makeOstrowiecStrategy } from "./factory-demo/ostrowiec-strategy.ts";
import { makeOstrowiecValues } from "./factory-demo/ostrowiec-values.ts";
import {
  makeRudaGoal1Projects,
  makeRudaIndicators,
  makeRudaMismatchedBudget,
} from "./factory-demo/ruda-projects.ts";
import { makeRudaStrategy } from "./factory-demo/ruda-strategy.ts";

// The builders run in this order, as one transaction: the rows are created in the same order as
// before the split, so positions and creation times the tests see do not change.
export async function seedFactoryDemo(db: Db): Promise<DemoAccount[]> {
  return db.transaction(async (tx) => {
    const accounts: DemoAccount[] = [];
    const account = demoAccountMaker(tx, accounts);
    const ruda = await makeRudaStrategy(tx);
    await makeRudaGoal1Projects(tx, ruda);
    await makeRudaIndicators(tx, ruda);
    await makeRudaMismatchedBudget(tx, ruda);
    await makeRudaAccounts(account, { ruda: ruda.ruda, c1Id: ruda.c1.id, pupId: ruda.pup.id });
    const ostrowiec = await makeOstrowiecStrategy(tx);
    await makeOstrowiecValues(tx, ostrowiec);
    await makeOstrowiecAccounts(account, {
      ostrowiec: ostrowiec.ostrowiec,
      pcprId: ostrowiec.pcpr.id,
    });
    // Last, so the rows above keep their order; the earlier years are made from them.
    await addDemoExampleYears(tx, [ruda.ruda.id, ostrowiec.ostrowiec.id]);
    return accounts;
  });
}
