import type { ComponentExamples } from "../gallery/example.ts";
import { ArchiveSection } from "./archive-section.tsx";

// One example: both states post the field "reason" (the archive page's schema), so a second
// section on the gallery page would repeat its id. The archived state is checked by axe on the
// goal's and the indicator's pages (test/browser/archive.test.ts).
export const gallery: ComponentExamples = {
  name: "Archiwizacja (archive-section)",
  examples: [
    {
      title: "Administrator: z trwałym usunięciem, po próbie bez powodu",
      render: () => (
        <ArchiveSection
          tenantSlug="ruda-slaska"
          kind="goal"
          id="00000000-0000-4000-8000-000000000001"
          version="3"
          csrf="przyklad"
          back="/g/ruda-slaska/dokumenty/srps-2016-2025"
          canDelete
          error="Podaj powód archiwizacji."
        />
      ),
    },
  ],
};
