import { z } from "./zod.ts";

export const ARCHIVE_KINDS = [
  "document",
  "goal",
  "direction",
  "project",
  "indicator",
  "institution",
  "member",
] as const;

/** One form for archiving, restoring and deleting for good (decision 070). */
export const archiveSchema = z.object({
  intent: z.enum(["archive", "restore", "delete"], { message: "Nieznana czynność." }),
  kind: z.enum(ARCHIVE_KINDS, { message: "Nieznany rodzaj pozycji." }),
  id: z.string().uuid("Nieznana pozycja."),
  reason: z.string().trim().max(500, "Powód może mieć najwyżej 500 znaków.").default(""),
  /** Where to go after archiving (the list the item came from); a path of this site only. */
  back: z
    .string()
    .default("")
    .transform((v) => (v.startsWith("/") && !v.startsWith("//") ? v : "")),
});
