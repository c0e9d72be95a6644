// A partner's workbook over HTTP, as a browser sends it: rounds opened by the coordinator, the
// partner's workbook downloaded, a value typed into it, uploaded and confirmed. Shared by the
// crash-safety test and bench:soak.
import ExcelJS from "exceljs";
import { getPage, type Session } from "./processes.ts";

export async function post(s: Session, pathname: string, body: BodyInit, type?: string) {
  const headers: Record<string, string> = { Cookie: s.cookie, Origin: s.url };
  if (type) headers["Content-Type"] = type;
  const res = await fetch(`${s.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers,
    body,
  });
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}

export function multipart(field: string, name: string, bytes: Uint8Array, csrf: string): FormData {
  const form = new FormData();
  form.set("_csrf", csrf);
  form.set(field, new Blob([bytes as BlobPart]), name);
  return form;
}

/** Opens the year's round of every document, as the coordinator would. */
export async function openRounds(s: Session, tenant: string, year = 2021): Promise<string[]> {
  const page = await getPage(s, `/g/${tenant}/sprawozdawczosc`);
  const documentIds = [...page.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  const rounds: string[] = [];
  for (const documentId of documentIds) {
    const res = await post(
      s,
      `/g/${tenant}/sprawozdawczosc`,
      new URLSearchParams({
        _csrf: s.csrf,
        documentId,
        year: String(year),
        deadline: "2099-02-28",
      }),
      "application/x-www-form-urlencoded",
    );
    const id = /sprawozdawczosc\/([0-9a-f-]{36})/.exec(res.location ?? "")?.[1];
    if (id) rounds.push(id);
  }
  return rounds;
}

/** The round in which the partner has a workbook to fill. */
export async function partnersRound(s: Session, tenant: string, rounds: string[]) {
  for (const id of rounds) {
    const res = await fetch(`${s.url}/g/${tenant}/moje-zadania/arkusz/${id}`, {
      headers: { Cookie: s.cookie },
    });
    await res.arrayBuffer();
    if (res.status === 200) return id;
  }
  throw new Error("the partner has no workbook in any round");
}

/** The first indicator row of the partner's workbook, with a new value in its value cell. */
export async function filledWorkbook(bytes: Uint8Array, value: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const row = wb.getWorksheet("Wskaźniki")!.getRow(2);
  row.getCell(9).value = value;
  return {
    bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    indicator: String(row.getCell(6).value ?? ""),
  };
}

export type WorkbookResult =
  { ok: true; indicator: string } | { ok: false; step: string; status: number };

/** Download, fill, upload and confirm one workbook; where it stopped when it did not go through. */
export async function sendWorkbook(
  s: Session,
  tenant: string,
  roundId: string,
  value: number,
): Promise<WorkbookResult> {
  const base = `/g/${tenant}/moje-zadania/arkusz/${roundId}`;
  const file = await fetch(`${s.url}${base}`, { headers: { Cookie: s.cookie } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (file.status !== 200) return { ok: false, step: "download", status: file.status };
  const filled = await filledWorkbook(bytes, value);
  const res = await post(
    s,
    `${base}/wczytaj?_csrf=${encodeURIComponent(s.csrf)}`,
    multipart("arkusz", "arkusz.xlsx", filled.bytes, s.csrf),
  );
  if (res.status !== 302 || !res.location) return { ok: false, step: "upload", status: res.status };
  // The differences page, then "save": the partner confirms the upload.
  const confirm = await post(
    s,
    new URL(res.location, s.url).pathname,
    new URLSearchParams({ _csrf: s.csrf, intent: "save" }),
    "application/x-www-form-urlencoded",
  );
  if (confirm.status !== 302) return { ok: false, step: "confirmation", status: confirm.status };
  return { ok: true, indicator: filled.indicator };
}
