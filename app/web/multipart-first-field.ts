// The first field of a multipart/form-data body, read from the start of the stream only: a
// file upload's CSRF token travels in the body (its first field), not in the URL, and checking
// it does not buffer the upload (the route still refuses an oversized body before reading it).

/** Bytes read at most: the framing of one short text field. */
const HEAD_LIMIT = 4096;

function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The value of the body's first part when it is the text field `name`; otherwise null. */
export function parseFirstField(head: string, boundary: string, name: string): string | null {
  const start = `--${boundary}\r\n`;
  if (!head.startsWith(start)) return null;
  const end = head.indexOf(`\r\n--${boundary}`, start.length);
  if (end < 0) return null;
  const part = head.slice(start.length, end);
  const split = part.indexOf("\r\n\r\n");
  if (split < 0) return null;
  const headers = part.slice(0, split);
  const disposition = /^content-disposition:\s*form-data;\s*name="([^"]*)"\s*$/im.exec(headers);
  if (!disposition || disposition[1] !== name || /filename=/i.test(headers)) return null;
  return part.slice(split + 4);
}

/** Reads only the body's first few kilobytes (of a clone) to find the first field. */
export async function readFirstMultipartField(
  request: Request,
  name: string,
): Promise<string | null> {
  const boundary = boundaryOf(request.headers.get("Content-Type") ?? "");
  const body = request.clone().body;
  if (!boundary || !body) return null;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let head = "";
  try {
    while (head.length < HEAD_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      head += decoder.decode(value, { stream: true });
      if (head.indexOf(`\r\n--${boundary}`, 2) >= 0) break;
    }
  } finally {
    // Not awaited: a tee'd branch's cancel settles only once the route has read its own copy.
    void reader.cancel().catch(() => undefined);
  }
  return parseFirstField(head.slice(0, HEAD_LIMIT), boundary, name);
}
