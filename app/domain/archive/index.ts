// Archive and restore (decision 070).
export * from "./archive.ts";
export * from "./delete.ts";
export { listArchived, type ArchivedItem } from "./lists.ts";
export { usesOf } from "./usage.ts";
export { KIND_NAMES, type ArchiveKind } from "./kinds.ts";
export { changeArchive, type ArchiveIntent } from "./change.ts";
