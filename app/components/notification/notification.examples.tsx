import type { ComponentExamples } from "../gallery/example.ts";
import { Notice } from "./notification.tsx";

export const gallery: ComponentExamples = {
  name: "Komunikat (notification)",
  examples: [
    {
      title: "Informacja",
      render: () => (
        <Notice>
          <p>Sprawozdanie za 2020 r. jest projektem: nie zostało jeszcze opublikowane.</p>
        </Notice>
      ),
    },
    {
      title: "Potwierdzenie czynności (ogłaszane czytnikom ekranu)",
      render: () => (
        <Notice tone="success" announce>
          <p>Zapisano kartę projektu.</p>
        </Notice>
      ),
    },
    {
      title: "Do sprawdzenia",
      render: () => (
        <Notice tone="warning">
          <p>Uwaga: suma wkładów instytucji (227) różni się od wartości ogółem (277).</p>
        </Notice>
      ),
    },
  ],
};
