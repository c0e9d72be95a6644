import { inflateRawSync } from "node:zlib";

/** One file of a ZIP (DOCX) by name: enough of the format for a test. */
export function unzipEntry(zip: Uint8Array, name: string): string {
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
      if (entry === name) {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
  }
  throw new Error(`${name} not in the archive`);
}
