import { TextField } from "../field/field.tsx";
import type { ComponentExamples } from "../gallery/example.ts";
import { ErrorSummary } from "./error-summary.tsx";

export const gallery: ComponentExamples = {
  name: "Podsumowanie błędów (error summary)",
  examples: [
    {
      title: "Dwa błędy, każdy prowadzi do swojego pola",
      render: () => (
        <>
          <ErrorSummary
            errors={[
              { field: "example-email", message: "Wpisz poprawny adres e-mail." },
              { field: "example-name", message: "Wpisz imię i nazwisko." },
            ]}
          />
          <TextField
            name="example-email"
            label="Adres e-mail"
            type="email"
            error="Wpisz poprawny adres e-mail."
          />
          <TextField name="example-name" label="Imię i nazwisko" error="Wpisz imię i nazwisko." />
        </>
      ),
    },
  ],
};
