import type { ComponentExamples } from "../gallery/example.ts";
import { StatusTag } from "./status-tag.tsx";

export const gallery: ComponentExamples = {
  name: "Etykieta stanu (tag)",
  examples: [
    {
      title: "Każdy odcień; stan mówi tekst, kolor tylko go zdobi",
      render: () => (
        <p>
          <StatusTag tone="green">zatwierdzone</StatusTag>{" "}
          <StatusTag tone="yellow">do poprawy</StatusTag> <StatusTag tone="red">błąd</StatusTag>{" "}
          <StatusTag tone="grey">nierozpoczęte</StatusTag>{" "}
          <StatusTag tone="blue">przesłane</StatusTag>
        </p>
      ),
    },
  ],
};
