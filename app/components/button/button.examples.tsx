import type { ComponentExamples } from "../gallery/example.ts";
import { Button, ButtonGroup, ButtonLink } from "./button.tsx";

export const gallery: ComponentExamples = {
  name: "Przycisk (button)",
  examples: [
    { title: "Główna czynność", render: () => <Button type="button">Zapisz kartę</Button> },
    {
      title: "Czynność drugorzędna",
      render: () => (
        <Button type="button" variant="secondary">
          Zapisz wersję roboczą
        </Button>
      ),
    },
    {
      title: "Czynność nieodwracalna",
      render: () => (
        <Button type="button" variant="warning">
          Wycofaj publikację
        </Button>
      ),
    },
    {
      title: "Mały, w wierszu tabeli",
      render: () => (
        <Button type="button" variant="secondary" small>
          Usuń przypisanie
        </Button>
      ),
    },
    { title: "Wyłączony", render: () => <Button disabled>Wyślij przypomnienia</Button> },
    {
      title: "Grupa: przycisk i odnośnik wyglądający jak przycisk",
      render: () => (
        <ButtonGroup>
          <Button type="button">Opublikuj</Button>
          <ButtonLink to="/_komponenty" variant="secondary">
            Anuluj
          </ButtonLink>
        </ButtonGroup>
      ),
    },
  ],
};
