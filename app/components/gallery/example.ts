// One state of a component, as the component gallery (/_komponenty, decision 041) shows it and
// the browser test checks it with axe. Every component folder has `<name>.examples.tsx`
// exporting `examples`; test/unit/components/component-folders.test.ts makes sure of it.
import type { ReactNode } from "react";

export type ComponentExample = {
  /** What the state shows, in Polish, as the gallery's heading. */
  title: string;
  render: () => ReactNode;
};

export type ComponentExamples = {
  /** The component's name in the gallery. */
  name: string;
  examples: ComponentExample[];
};
