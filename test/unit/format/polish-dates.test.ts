import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, parseDateInput } from "../../../app/format/polish-dates.ts";
import * as numbers from "../../../app/format/polish-numbers.ts";

const NBSP = "\u00A0";

describe("formatDate", () => {
  it("writes day.month.year followed by r.", () => {
    expect(formatDate("2020-12-31")).toBe(`31.12.2020${NBSP}r.`);
    expect(formatDate("2018-06-01")).toBe(`01.06.2018${NBSP}r.`);
  });

  it("takes an ISO calendar day as is, without a time-zone shift", () => {
    expect(formatDate("2021-01-01")).toBe(`01.01.2021${NBSP}r.`);
  });

  it("shows an instant on the Warsaw calendar whatever the machine's time zone", () => {
    // 23:30 UTC on 31 December is already New Year in Poland.
    expect(formatDate(new Date("2020-12-31T23:30:00Z"))).toBe(`01.01.2021${NBSP}r.`);
    expect(formatDate("2020-12-31T12:00:00Z")).toBe(`31.12.2020${NBSP}r.`);
  });

  it("refuses dates that do not exist", () => {
    expect(() => formatDate("2021-02-30")).toThrow(RangeError);
    expect(() => formatDate("not a date")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("is also exported next to the number helpers", () => {
    expect(numbers.formatDate).toBe(formatDate);
    expect(numbers.formatDateTime).toBe(formatDateTime);
  });
});

describe("formatDateTime", () => {
  it("adds the Warsaw time on a 24-hour clock", () => {
    // Winter: UTC+1.
    expect(formatDateTime(new Date("2020-12-31T13:05:00Z"))).toBe(`31.12.2020${NBSP}r., 14:05`);
    // Summer: UTC+2.
    expect(formatDateTime("2021-07-31T21:59:00Z")).toBe(`31.07.2021${NBSP}r., 23:59`);
    expect(formatDateTime("2021-07-31T22:00:00Z")).toBe(`01.08.2021${NBSP}r., 00:00`);
  });

  it("shows midnight for a calendar day", () => {
    expect(formatDateTime("2020-12-31")).toBe(`31.12.2020${NBSP}r., 00:00`);
  });
});

describe("parseDateInput", () => {
  it("reads what a date picker sends and what people type", () => {
    expect(parseDateInput("2021-03-25")).toBe("2021-03-25");
    expect(parseDateInput("25.03.2021")).toBe("2021-03-25");
    expect(parseDateInput(" 5.3.2021 r. ")).toBe("2021-03-05");
    expect(parseDateInput("5.3.2021\u00A0r.")).toBe("2021-03-05");
    expect(parseDateInput("31/12/2020")).toBe("2020-12-31");
    expect(parseDateInput("31-12-2020")).toBe("2020-12-31");
    expect(parseDateInput("29.02.2024")).toBe("2024-02-29");
  });

  it("refuses what is not a real day", () => {
    for (const bad of [
      "",
      "31.02.2021",
      "29.02.2023",
      "2021-13-01",
      "00.01.2021",
      "25.03.21",
      "marzec 2021",
      "2021-03-25T10:00",
      "25.03.2021 roku zapis",
      "1.1.1800",
    ]) {
      expect(parseDateInput(bad), bad).toBeNull();
    }
  });
});
