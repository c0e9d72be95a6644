// Kept only while app/routes/import-review.tsx (split on another branch) imports this path:
// the component lives in ./status-tag/ (decision 041). Delete once that page imports the folder.
export * from "./status-tag/status-tag.tsx";
