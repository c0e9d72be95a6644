import type { ComponentExamples } from "../gallery/example.ts";
import { Table } from "./table.tsx";

export const gallery: ComponentExamples = {
  name: "Tabela (table)",
  examples: [
    {
      title: "Źródła finansowania z podpisem",
      render: () => (
        <Table caption="Budżet projektu w 2020 r." headers={["Źródło", "Kwota", "Udział"]}>
          <tr>
            <th scope="row">budżet miasta</th>
            <td>1 388 268,16 zł</td>
            <td>87,41%</td>
          </tr>
          <tr>
            <th scope="row">dotacja celowa z budżetu państwa</th>
            <td>200 000,00 zł</td>
            <td>12,59%</td>
          </tr>
        </Table>
      ),
    },
    {
      title: "Podpis tylko dla czytników ekranu",
      render: () => (
        <Table caption="Osoby z dostępem do gminy" captionHidden headers={["Osoba", "Rola"]}>
          <tr>
            <td>Katarzyna Koordynator</td>
            <td>koordynator strategii</td>
          </tr>
        </Table>
      ),
    },
  ],
};
