import { inflateRawSync } from "node:zlib";

/** One file of a ZIP (DOCX) by name: enough of the format for a test. */
export function unzipEntry(zip: Uint8Array, name: string): string {
  return unzipBytes(zip, name).toString("utf8");
}

/** The names of a ZIP's files. */
export function zipEntries(zip: Uint8Array): string[] {
  const names: string[] = [];
  walk(zip, (entry) => {
    names.push(entry);
    return false;
  });
  return names;
}

/** One file of a ZIP as bytes (a picture of a DOCX). */
export function unzipBytes(zip: Uint8Array, name: string): Buffer {
  const hit: { data?: Buffer } = {};
  walk(zip, (entry, read) => {
    if (entry !== name) return false;
    hit.data = read();
    return true;
  });
  if (!hit.data) throw new Error(`${name} not in the archive`);
  return hit.data;
}

function walk(zip: Uint8Array, visit: (name: string, read: () => Buffer) => boolean): void {
  const buf = Buffer.from(zip);
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    let p = buf.readUInt32LE(i + 16);
    const count = buf.readUInt16LE(i + 10);
    for (let n = 0; n < count; n++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const entry = buf.toString("utf8", p + 46, p + 46 + nameLen);
      const read = () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        return method === 8 ? inflateRawSync(data) : Buffer.from(data);
      };
      if (visit(entry, read)) return;
      p += 46 + nameLen + extraLen + commentLen;
    }
    return;
  }
}
