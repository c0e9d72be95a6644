// Imported first by app/root.tsx, so Zod's settings (no eval under the CSP, Polish messages)
// hold before any schema of any route module is built, in the browser and on the server.
import "./forms/zod.ts";
