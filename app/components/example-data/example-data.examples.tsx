import type { ComponentExamples } from "../gallery/example.ts";
import { ExampleDataNotice, ExampleDataTag } from "./example-data.tsx";

export const gallery: ComponentExamples = {
  name: "Dane przykładowe",
  examples: [
    { title: "Znacznik przy roku lub wartości", render: () => <ExampleDataTag /> },
    {
      title: "Zdanie nad stroną lub wykresem z latami przykładowymi",
      render: () => <ExampleDataNotice years={[2018, 2019]} />,
    },
  ],
};
