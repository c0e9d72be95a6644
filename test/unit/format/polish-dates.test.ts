import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../../../app/format/polish-dates.ts";
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
