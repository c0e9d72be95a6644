// Zod compiles object schemas with new Function unless told not to, and its probe for eval is
// itself reported as a violation of the CSP (decision 027). Imported first by app/root.tsx, so
// it runs before any schema of any route module is built, in the browser and on the server.
import { z } from "zod";

z.config({ jitless: true });
