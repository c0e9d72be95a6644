// A small, bounds-checked reader of a ZIP archive's directory (End of Central Directory record,
// its ZIP64 form, and the central directory headers) and a check that each entry inflates to no
// more than its declared size. Used to refuse a DOCX "zip bomb" before handing it to mammoth,
// which would inflate every part in memory.
import { inflateRawSync } from "node:zlib";

export class ZipFormatError extends Error {}

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function u64(view: DataView, at: number): number {
  const n = view.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("ZIP size out of range");
  return Number(n);
}

function need(bytes: Uint8Array, at: number, length: number): void {
  if (at < 0 || length < 0 || at + length > bytes.length) {
    throw new ZipFormatError("ZIP structure points outside the file");
  }
}

/** The entries listed in the central directory, with their declared sizes. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new ZipFormatError("too short for a ZIP file");
  // The EOCD record is the last 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - U16_MAX); at--) {
    if (
      view.getUint32(at, true) === EOCD &&
      at + 22 + view.getUint16(at + 20, true) <= bytes.length
    ) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no End of Central Directory record");
  let disk = view.getUint16(eocd + 4, true);
  let cdDisk = view.getUint16(eocd + 6, true);
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const locator = eocd - 20;
    need(bytes, locator, 20);
    if (view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new ZipFormatError("ZIP64 locator missing");
    }
    const at = u64(view, locator + 8);
    need(bytes, at, 56);
    if (view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError("ZIP64 record missing");
    disk = view.getUint32(at + 16, true);
    cdDisk = view.getUint32(at + 20, true);
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (disk !== 0 || cdDisk !== 0) throw new ZipFormatError("multi-volume ZIP");
  need(bytes, cdOffset, cdSize);
  // Each header takes at least 46 bytes: a forged count cannot make the loop run long.
  if (count * 46 > cdSize) throw new ZipFormatError("entry count does not fit the directory");

  const entries: ZipEntry[] = [];
  const names = new TextDecoder("utf-8", { fatal: false });
  let at = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) {
      throw new ZipFormatError("broken central directory header");
    }
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw new ZipFormatError("central directory header overruns the directory");
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extended information: the 8-byte values for the fields saturated above, in order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (extra + 4 + size > extraEnd) throw new ZipFormatError("broken extra field");
      if (id === 0x0001) {
        let field = extra + 4;
        const take = (): number => {
          if (field + 8 > extra + 4 + size) throw new ZipFormatError("short ZIP64 extra field");
          const value = u64(view, field);
          field += 8;
          return value;
        };
        if (uncompressedSize === U32_MAX) uncompressedSize = take();
        if (compressedSize === U32_MAX) compressedSize = take();
        if (localHeaderOffset === U32_MAX) localHeaderOffset = take();
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = next;
  }
  return entries;
}

/**
 * Refuses an archive whose entries declare more than `maxTotal` bytes altogether, then inflates
 * each entry with a ceiling at its declared size, so a directory that understates the sizes is
 * caught too. Memory use stays within the largest declared entry.
 */
export function checkZipSizes(
  bytes: Uint8Array,
  maxTotal: number,
): { entries: ZipEntry[]; total: number } {
  const entries = readZipEntries(bytes);
  let total = 0;
  for (const e of entries) total += e.uncompressedSize;
  if (total > maxTotal) return { entries, total };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    need(bytes, e.localHeaderOffset, 30);
    if (view.getUint32(e.localHeaderOffset, true) !== LOCAL) {
      throw new ZipFormatError("local header missing");
    }
    const dataAt =
      e.localHeaderOffset +
      30 +
      view.getUint16(e.localHeaderOffset + 26, true) +
      view.getUint16(e.localHeaderOffset + 28, true);
    need(bytes, dataAt, e.compressedSize);
    const data = bytes.subarray(dataAt, dataAt + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw new ZipFormatError("stored size mismatch");
    } else if (e.method === 8) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          // Declares less than it holds: count it as over the limit.
          return { entries, total: Number.POSITIVE_INFINITY };
        }
        throw new ZipFormatError(`entry ${e.name} does not inflate`);
      }
      if (inflated.length !== e.uncompressedSize) throw new ZipFormatError("size mismatch");
    } else {
      throw new ZipFormatError(`unsupported compression method ${e.method}`);
    }
  }
  return { entries, total };
}

/**
 * The bytes of one entry (e.g. "word/styles.xml"), inflated with a ceiling at its declared
 * size; null when the archive has no such entry. Call after checkZipSizes.
 */
export function readZipEntry(bytes: Uint8Array, name: string): Buffer | null {
  const e = readZipEntries(bytes).find((entry) => entry.name === name);
  if (!e) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  need(bytes, e.localHeaderOffset, 30);
  const dataAt =
    e.localHeaderOffset +
    30 +
    view.getUint16(e.localHeaderOffset + 26, true) +
    view.getUint16(e.localHeaderOffset + 28, true);
  need(bytes, dataAt, e.compressedSize);
  const data = bytes.subarray(dataAt, dataAt + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method !== 8) throw new ZipFormatError(`unsupported compression method ${e.method}`);
  return inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
}
