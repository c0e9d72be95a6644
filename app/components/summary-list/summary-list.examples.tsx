import { Link } from "react-router";
import type { ComponentExamples } from "../gallery/example.ts";
import { SummaryList } from "./summary-list.tsx";

export const gallery: ComponentExamples = {
  name: "Lista podsumowania (summary list)",
  examples: [
    {
      title: "Fakty projektu, jeden z czynnością",
      render: () => (
        <SummaryList
          rows={[
            { key: "Symbol", value: "C1K2" },
            {
              key: "Realizatorzy",
              value: "MOPS we współpracy z Powiatowym Urzędem Pracy.",
              action: (
                <Link to="/_komponenty">
                  Zmień<span className="visually-hidden"> realizatorów</span>
                </Link>
              ),
            },
            {
              key: "Efekty",
              value: "W warsztatach wzięły udział 24 osoby (K – 9, M – 15).",
              prose: true,
            },
          ]}
        />
      ),
    },
  ],
};
