// Fails CI when any test was skipped or left as todo (decision 035): reads the JSON reports that
// .ci/run has Vitest write next to its usual output, and names every such test.
/* global process, console */
import { readFileSync } from "node:fs";

let total = 0;
const skipped = [];
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  total += report.numTotalTests;
  for (const suite of report.testResults)
    for (const t of suite.assertionResults)
      if (t.status !== "passed" && t.status !== "failed")
        skipped.push(`${t.status}: ${suite.name.replace(process.cwd() + "/", "")} › ${t.fullName}`);
}
if (total === 0) {
  console.error("no tests were run");
  process.exit(1);
}
if (skipped.length > 0) {
  console.error(`${skipped.length} of ${total} tests did not run:\n  ${skipped.join("\n  ")}`);
  process.exit(1);
}
console.log(`all ${total} tests ran; none skipped`);
