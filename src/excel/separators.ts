/**
 * The separators Excel uses for this user, so the pane reads "1.500.000,5" exactly as the grid
 * does. Excel's own options (File › Options › Advanced › Use system separators) win over the
 * system's culture. Both need ExcelApi 1.11; without it the pane keeps its language's convention.
 */
import { conventionOf, type NumberConvention } from "../i18n/numbers";
import type { ExcelRun } from "./workbook";

export interface SeparatorSettings {
  readonly cultureDecimal: string;
  readonly cultureGroup: string;
  readonly useSystemSeparators: boolean;
  readonly decimalSeparator: string;
  readonly thousandsSeparator: string;
}

/** The convention the settings give, or undefined when they are unusable (then: the language's). */
export function conventionFromSettings(settings: SeparatorSettings): NumberConvention | undefined {
  return settings.useSystemSeparators
    ? conventionOf(settings.cultureDecimal, settings.cultureGroup)
    : conventionOf(settings.decimalSeparator, settings.thousandsSeparator);
}

/** Reads Excel's separators in one sync; undefined when the host lacks ExcelApi 1.11. */
export async function excelConvention(
  run: ExcelRun,
  supports: (set: string, version: string) => boolean,
): Promise<NumberConvention | undefined> {
  if (!supports("ExcelApi", "1.11")) return undefined;
  return await run(async (context) => {
    const application = context.workbook.application;
    application.load(["useSystemSeparators", "decimalSeparator", "thousandsSeparator"]);
    const culture = application.cultureInfo.numberFormat;
    culture.load(["numberDecimalSeparator", "numberGroupSeparator"]);
    await context.sync();
    return conventionFromSettings({
      cultureDecimal: culture.numberDecimalSeparator,
      cultureGroup: culture.numberGroupSeparator,
      useSystemSeparators: application.useSystemSeparators,
      decimalSeparator: application.decimalSeparator,
      thousandsSeparator: application.thousandsSeparator,
    });
  });
}
