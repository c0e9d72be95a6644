import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const NAMING = {
  group: ["**/utils", "**/misc", "**/helpers"],
  message: "Name modules after what they hold.",
};
const DATABASE = {
  group: ["drizzle-orm", "drizzle-orm/*", "**/db/*", "**/db"],
  message: "Only app/domain (and the boot code) reads the database: call a domain function.",
};
const ABOVE_DOMAIN = {
  group: [
    "**/web/*",
    "**/routes/*",
    "**/components/*",
    "**/reports/*",
    "**/config.ts",
    "**/root.tsx",
    "react-router",
  ],
  message:
    "The domain is below the web, the pages and the reports: pass what it needs in (decision 019).",
};
const ROOT = {
  group: ["**/root.tsx", "./root", "../root", "../../root", "../../../root"],
  message: "Nothing imports the root route; use useRootData from app/web/hooks/use-root-data.ts.",
};
// Pages read server internals (files, sockets, backups) through a domain function.
const SERVER = {
  group: ["**/server/*", "!**/server/http.ts"],
  message: "Routes and components call the domain; app/server is boot code (decision 040).",
};
// A shared component is imported from its folder (decision 041), not from the old flat file.
const COMPONENT_FOLDERS = {
  group: [
    "**/components/breadcrumbs.tsx",
    "**/components/error-summary.tsx",
    "**/components/field.tsx",
    "**/components/status-tag.tsx",
  ],
  message: "Import the component from its folder: components/<name>/<name>.tsx (decision 041).",
};
// Form schemas use the Zod that speaks Polish (decision 023).
const PLAIN_ZOD = {
  group: ["zod", "zod/*"],
  message: "Import z from app/web/forms/zod.ts: it carries the Polish messages.",
};
// A label table read directly ("LABELS[value] ?? value") shows the raw code when a value has no
// label; pages go through labelOf of app/domain/value-labels.ts instead (decision 045).
const LABEL_TABLES =
  "CARD_STATUS_LABELS|GOAL_VERDICT_LABELS|CONTINUATION_LABELS|INSTITUTION_KINDS|INDICATOR_KINDS|" +
  "INDICATOR_DIRECTIONS|DOCUMENT_KIND_LABELS|DOCUMENT_KINDS|DOCUMENT_STATUS_LABELS|" +
  "BREAKDOWN_DIMENSIONS|FUNDING_SOURCES|ASSIGNMENT_STATUS_LABELS|ASSIGNMENT_KIND_LABELS|" +
  "ROLE_LABELS|ROUND_STATUS_LABELS|OUTBOX_STATUS_LABELS|FINDING_LABELS";
const BARE_BUTTON = {
  selector:
    "JSXOpeningElement[name.name=/^(button|Link|a)$/] > JSXAttribute[name.name='className'] > Literal[value=/^button( |$)/]",
  message: "Use Button or ButtonLink from app/components/button/button.tsx.",
};
const RAW_LABEL_LOOKUP = {
  selector: `MemberExpression[computed=true][object.name=/^(${LABEL_TABLES})$/]`,
  message:
    "Show an enumerated value through labelOf (app/domain/value-labels.ts, decision 045): it never shows the raw code.",
};
export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-cli/",
      "data/",
      ".react-router/",
      ".tmp/",
      "node_modules/",
      "migrations/",
    ],
  },
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
      "no-restricted-imports": ["error", { patterns: [NAMING, ROOT] }],
    },
  },
  // Layers (docs/decisions/019): only the domain and the boot code read the database.
  {
    files: [
      "app/routes/**",
      "app/components/**",
      "app/web/**",
      "app/reports/**",
      "app/report-reader/**",
      "app/round-xlsx/**",
      "app/format/**",
      "app/policies/**",
      "app/root.tsx",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [NAMING, ROOT, DATABASE] }] },
  },
  // The domain knows nothing of HTTP, pages, documents or where its configuration comes from.
  {
    files: ["app/domain/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [NAMING, ROOT, ABOVE_DOMAIN] }] },
  },
  // Routes and web forms build schemas with the Polish Zod.
  {
    files: ["app/routes/**", "app/web/**", "app/components/**"],
    ignores: ["app/web/forms/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NAMING, ROOT, DATABASE, PLAIN_ZOD, SERVER, COMPONENT_FOLDERS] },
      ],
    },
  },
  // One way to draw a button and a link-button: the Button component (decision 041); and
  // enumerated values reach people only through labelOf (decision 045). One block, because a
  // later block's no-restricted-syntax would replace an earlier one's for the same files.
  {
    files: ["app/routes/**", "app/components/**"],
    ignores: ["app/components/button/**"],
    rules: { "no-restricted-syntax": ["error", BARE_BUTTON, RAW_LABEL_LOOKUP] },
  },
  // Enumerated values reach people only through labelOf, in the web layer and the button too.
  {
    files: ["app/web/**", "app/components/button/**"],
    rules: { "no-restricted-syntax": ["error", RAW_LABEL_LOOKUP] },
  },
);
