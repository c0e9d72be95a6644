import type { ComponentExamples } from "../gallery/example.ts";
import { TargetStatusTag } from "./target-status.tsx";

export const gallery: ComponentExamples = {
  name: "Stan względem wartości docelowej",
  examples: [
    {
      title: "Każdy stan wskaźnika z wartością docelową",
      render: () => (
        <p>
          <TargetStatusTag status="on_target" /> <TargetStatusTag status="close" />{" "}
          <TargetStatusTag status="off_target" /> <TargetStatusTag status="no_data" />
        </p>
      ),
    },
  ],
};
