import type { ComponentExamples } from "../gallery/example.ts";
import { Checkbox, NumberField, RadioGroup, SelectField, TextArea, TextField } from "./field.tsx";

export const gallery: ComponentExamples = {
  name: "Pola formularza (field, radios, checkboxes)",
  examples: [
    {
      title: "Pole tekstowe z podpowiedzią",
      render: () => (
        <TextField
          name="gallery-symbol"
          label="Symbol projektu"
          hint="Na przykład C1K7, tak jak w strategii."
          width={10}
        />
      ),
    },
    {
      title: "Pole tekstowe z błędem",
      render: () => (
        <TextField
          name="gallery-email"
          label="Adres e-mail"
          type="email"
          defaultValue="jan.kowalski@"
          error="Wpisz poprawny adres e-mail, np. jan.kowalski@mops.pl."
        />
      ),
    },
    {
      title: "Obszar tekstu",
      render: () => <TextArea name="gallery-effects" label="Osiągnięte efekty" rows={3} />,
    },
    {
      title: "Liczba z jednostką",
      render: () => (
        <NumberField
          name="gallery-amount"
          label="Kwota (zł)"
          defaultValue={1588268.16}
          suffix="zł"
          width={10}
        />
      ),
    },
    {
      title: "Lista wyboru",
      render: () => (
        <SelectField
          name="gallery-institution"
          label="Instytucja"
          placeholder="— brak —"
          options={[
            { value: "mops", label: "MOPS — Miejski Ośrodek Pomocy Społecznej" },
            { value: "pup", label: "PUP — Powiatowy Urząd Pracy" },
          ]}
        />
      ),
    },
    {
      title: "Krótkie pola obok siebie w grupie (fieldset--row)",
      render: () => (
        <fieldset className="fieldset fieldset--row">
          <legend className="fieldset__legend">Wiersz podziału 1</legend>
          <SelectField
            name="gallery-dimension"
            label="Rodzaj podziału"
            defaultValue="sex"
            options={[
              { value: "sex", label: "płeć" },
              { value: "age", label: "wiek" },
            ]}
          />
          <TextField name="gallery-category" label="Kategoria" width={20} defaultValue="K" />
          <NumberField name="gallery-part" label="Wartość (osoby)" defaultValue="9" />
        </fieldset>
      ),
    },
    {
      title: "Przyciski opcji w grupie pól (fieldset)",
      render: () => (
        <RadioGroup
          name="gallery-verdict"
          label="Czy cel projektu został osiągnięty?"
          defaultValue="partly"
          options={[
            { value: "achieved", label: "Tak" },
            { value: "partly", label: "Częściowo", hint: "Podaj przyczynę w opisie." },
            { value: "not_achieved", label: "Nie" },
          ]}
        />
      ),
    },
    {
      title: "Przyciski opcji obok siebie, z błędem",
      render: () => (
        <RadioGroup
          name="gallery-continuation"
          label="Kontynuacja w kolejnym roku"
          inline
          error="Wybierz, czy projekt będzie kontynuowany."
          options={[
            { value: "yes", label: "Tak" },
            { value: "no", label: "Nie" },
          ]}
        />
      ),
    },
    {
      title: "Pole wyboru",
      render: () => (
        <Checkbox
          name="gallery-published"
          label="Wartość jest gotowa do publikacji"
          hint="Opublikowane wartości widzą wszyscy."
        />
      ),
    },
  ],
};
