// Kept only while app/routes/import-review.tsx (split on another branch) imports this path:
// the component lives in ./error-summary/ (decision 041). Delete once that page imports the folder.
export * from "./error-summary/error-summary.tsx";
