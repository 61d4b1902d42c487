/**
 * Function names as a file stores them. Excel writes a function added after Excel 2007 with the
 * prefix `_xlfn.` (`_xlfn.RRI`, `_xlfn.IFNA`; the dynamic-array FILTER and SORT as
 * `_xlfn._xlws.`); without it Excel and LibreOffice show #NAME?. An HT function is stored by its
 * full English name (`HT.COSTPRICE`), its Vietnamese name included: the id is the one name every
 * install of the add-in knows whatever its display language. Reading takes the prefixes off again.
 */
import { REGISTRATION_BY_ID } from "../core/catalog";

/**
 * Functions Excel stores with `_xlfn.`: Microsoft's list ("Issue: An _xlfn. prefix is displayed
 * in front of a formula") of functions added in Excel 2010 and later, and the dynamic-array and
 * LAMBDA functions of Microsoft 365.
 */
// prettier-ignore
export const FUTURE_FUNCTIONS: readonly string[] = [
  "ACOT", "ACOTH", "AGGREGATE", "ARABIC", "ARRAYTOTEXT", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST",
  "BINOM.DIST.RANGE", "BINOM.INV", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL", "BYROW",
  "CEILING.MATH", "CEILING.PRECISE", "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST",
  "CHOOSECOLS", "CHOOSEROWS", "COMBINA", "CONCAT", "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH",
  "COVARIANCE.P", "COVARIANCE.S", "CSC", "CSCH", "DAYS", "DECIMAL", "DROP", "ECMA.CEILING", "ENCODEURL",
  "ERF.PRECISE", "ERFC.PRECISE", "EXPAND", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST",
  "FIELDVALUE", "FILTERXML", "FLOOR.MATH", "FLOOR.PRECISE", "FORECAST.ETS", "FORECAST.ETS.CONFINT",
  "FORECAST.ETS.SEASONALITY", "FORECAST.ETS.STAT", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST",
  "GAMMA.INV", "GAMMALN.PRECISE", "GAUSS", "GROUPBY", "HSTACK", "HYPGEOM.DIST", "IFNA", "IFS", "IMAGE", "IMCOSH",
  "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH", "IMTAN", "ISFORMULA", "ISO.CEILING", "ISOMITTED",
  "ISOWEEKNUM", "LAMBDA", "LET", "LOGNORM.DIST", "LOGNORM.INV", "MAKEARRAY", "MAP", "MAXIFS", "MINIFS",
  "MODE.MULT", "MODE.SNGL", "MUNIT", "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST",
  "NORM.S.INV", "NUMBERVALUE", "PDURATION", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTOF", "PERCENTRANK.EXC",
  "PERCENTRANK.INC", "PERMUTATIONA", "PHI", "PIVOTBY", "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC",
  "RANDARRAY", "RANK.AVG", "RANK.EQ", "REDUCE", "REGEXEXTRACT", "REGEXREPLACE", "REGEXTEST", "RRI", "SCAN",
  "SEC", "SECH", "SEQUENCE", "SHEET", "SHEETS", "SKEW.P", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST",
  "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "TAKE", "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN",
  "TEXTSPLIT", "TOCOL", "TOROW", "TRIMRANGE", "UNICHAR", "UNICODE", "UNIQUE", "VALUETOTEXT", "VAR.P", "VAR.S",
  "VSTACK", "WEBSERVICE", "WEIBULL.DIST", "WORKDAY.INTL", "WRAPCOLS", "WRAPROWS", "XLOOKUP", "XMATCH", "XOR",
  "Z.TEST",
];

/** Dynamic-array functions Excel stores with `_xlfn._xlws.`. */
const WORKSHEET_FUNCTIONS: readonly string[] = ["FILTER", "SORT"];

const PREFIX = new Map<string, string>([
  ...FUTURE_FUNCTIONS.map((name): [string, string] => [name, "_xlfn."]),
  ...WORKSHEET_FUNCTIONS.map((name): [string, string] => [name, "_xlfn._xlws."]),
]);

/**
 * The formula's parts: [text, code] pairs, where code is false inside string literals and
 * quoted sheet names (a doubled quote is the quote itself), which are never renamed.
 */
function segments(formula: string): [string, boolean][] {
  const parts: [string, boolean][] = [];
  let start = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      i++;
      continue;
    }
    if (i > start) parts.push([formula.slice(start, i), true]);
    let j = i + 1;
    while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
    parts.push([formula.slice(i, j + 1), false]);
    start = i = j + 1;
  }
  if (start < formula.length) parts.push([formula.slice(start), true]);
  return parts;
}

// A function name right before "(": not part of a longer name or reference.
const CALL = /(?<![A-Za-z0-9_.$\u00C0-\u1EF9])([A-Za-z_\u00C0-\u1EF9][A-Za-z0-9_.\u00C0-\u1EF9]*)(?=\s*\()/g;

function renameCalls(formula: string, rename: (name: string) => string): string {
  return segments(formula)
    .map(([text, code]) => (code ? text.replace(CALL, (name: string) => rename(name)) : text))
    .join("");
}

/** The formula as a file stores it: prefixes added, HT functions by their English id. */
export function fileFormula(formula: string): string {
  return renameCalls(formula, (name) => {
    const upper = name.toUpperCase();
    if (upper.startsWith("HT.")) {
      const registration = REGISTRATION_BY_ID.get(upper.slice(3)) ?? REGISTRATION_BY_ID.get(name.slice(3));
      return registration ? `HT.${registration.entry.id}` : name;
    }
    const prefix = PREFIX.get(upper);
    return prefix ? prefix + upper : name;
  });
}

/**
 * The formula as the preview reads it: Excel's prefixes taken off (`_xlfn.`, `_xlws.`, and the
 * `_xldudf_` with which Excel saves a JavaScript custom function, whose namespace dot it keeps or
 * turns into "_").
 */
export function previewFormula(formula: string): string {
  return renameCalls(formula, (name) => {
    let bare = name.replace(/^_xlfn\./i, "").replace(/^_xlws\./i, "");
    const udf = /^_xldudf_HT[._](.+)$/i.exec(bare);
    if (udf) bare = `HT.${udf[1]}`;
    return bare;
  });
}
