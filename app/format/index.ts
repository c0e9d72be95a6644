export * from "./polish-numbers.ts";
