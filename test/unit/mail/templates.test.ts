import { expect, test } from "vitest";
import { invitationMail, passwordResetMail } from "../../../app/domain/mail/templates.ts";

test("the invitation's expiry date ends the sentence with one dot", () => {
  const mail = invitationMail({
    to: "a@b.pl",
    tenantName: "Miasto Ruda Śląska",
    institutionName: "PUP",
    link: "http://localhost/zaproszenie/x",
    expiresAt: new Date("2026-12-16T10:00:00Z"),
    invitedBy: "Anna Nowak",
  });
  expect(mail.text).toContain("ważny do 16.12.2026\u00a0r.\n");
  expect(mail.text).not.toMatch(/r\.\./);
});

test("the reset link's hours in the right form", () => {
  const text = (hours: number) => passwordResetMail({ to: "a@b.pl", link: "x", hours }).text;
  expect(text(1)).toContain("przez 1 godzinę.");
  expect(text(2)).toContain("przez 2 godziny.");
  expect(text(24)).toContain("przez 24 godziny.");
  expect(text(5)).toContain("przez 5 godzin.");
});
