import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "data/", ".react-router/", ".tmp/", "node_modules/", "migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/utils", "**/misc", "**/helpers"],
              message: "Name modules after what they hold.",
            },
            {
              group: ["**/root.tsx", "./root", "../root", "../../root", "../../../root"],
              message:
                "Nothing imports the root route; use useRootData from app/web/hooks/use-root-data.ts.",
            },
          ],
        },
      ],
    },
  },
);
