// The one Zod every form schema is built with: Polish messages for anything a schema does not
// word itself, on the server and in the browser (decision 023). Import z from here, not "zod".
import { z } from "zod";

// Zod compiles object schemas with new Function unless told not to, and its probe for eval is
// itself reported as a violation of the CSP (decision 027).
z.config({ jitless: true });
z.config(z.locales.pl());
// Zod's Polish locale still names types in English ("oczekiwano string, otrzymano undefined");
// in a form those cases mean a missing field, a field sent twice, or a tampered one.
z.config({
  customError: (issue) => {
    if (issue.code !== "invalid_type") return undefined;
    if (issue.input === undefined) return "Uzupełnij to pole.";
    if (Array.isArray(issue.input)) return "To pole wysłano więcej niż raz.";
    return "Nieprawidłowa wartość pola.";
  },
});

export { z };
