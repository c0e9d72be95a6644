import type { ComponentExamples } from "../gallery/example.ts";
import { Breadcrumbs } from "./breadcrumbs.tsx";

export const gallery: ComponentExamples = {
  name: "Ścieżka nawigacji (breadcrumbs)",
  examples: [
    {
      title: "Trzy poziomy, ostatni to bieżąca strona",
      render: () => (
        <Breadcrumbs
          items={[
            { label: "Miasto Ruda Śląska", to: "/_komponenty" },
            { label: "Dokumenty", to: "/_komponenty" },
            { label: "Strategia Rozwiązywania Problemów Społecznych" },
          ]}
        />
      ),
    },
  ],
};
