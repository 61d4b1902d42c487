import { inputText, parseInput, readDate, showDate } from "../../src/templates/values";
import { languageConvention } from "../../src/i18n/numbers";
import type { DateField } from "../../src/templates/model";

const date: DateField = { key: "d", type: "date", label: { vi: "Ngày", en: "Date" } };
const vi = languageConvention("vi");
const en = languageConvention("en");

describe("dates in the pane's language", () => {
  test("Vietnamese dates are day/month/year, as Vietnamese documents write them; stored as ISO as before", () => {
    expect(parseInput(date, "15/12/1966", vi, "vi")).toBe("1966-12-15");
    expect(parseInput(date, "5/1/1966", vi, "vi")).toBe("1966-01-05");
    expect(inputText(date, "1966-12-15", vi, "vi")).toBe("15/12/1966");
  });

  test("English dates are month/day/year; yyyy-mm-dd reads in either language", () => {
    expect(parseInput(date, "12/15/1966", en, "en")).toBe("1966-12-15");
    expect(parseInput(date, "1966-12-15", vi, "vi")).toBe("1966-12-15");
    expect(showDate("1966-01-05", "en")).toBe("01/05/1966");
  });

  test("no real date stays text for the validator to name, never a guessed date", () => {
    expect(parseInput(date, "31/02/1966", vi, "vi")).toBe("31/02/1966");
    expect(parseInput(date, "12/15/1966", vi, "vi")).toBe("12/15/1966");
    expect(readDate("15.12.1966", "vi")).toBeUndefined();
  });
});
