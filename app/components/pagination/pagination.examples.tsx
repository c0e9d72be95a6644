import type { ComponentExamples } from "../gallery/example.ts";
import { Pagination } from "./pagination.tsx";

const href = (page: number) => `/_komponenty?strona=${page}`;

export const gallery: ComponentExamples = {
  name: "Stronicowanie tabeli (pagination)",
  examples: [
    {
      title: "Pierwsza z trzech stron",
      render: () => <Pagination page={1} pages={3} href={href} label="Strony tabeli przykładu" />,
    },
    {
      title: "Środkowa z wielu stron, z przerwami",
      render: () => (
        <Pagination page={12} pages={40} href={href} label="Strony długiej tabeli przykładu" />
      ),
    },
  ],
};
