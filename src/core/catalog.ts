/**
 * Every HT function: its declaration (./declarations.ts, the one place its facts live) with the
 * calculation that implements it. The Excel boundary, the preview workbook, the tests and the
 * benchmarks all read the functions through this table.
 */
import type { Arg, Grid, Result } from "./cell";
import { DECLARATIONS, type FunctionDeclaration, type ParamDeclaration } from "./declarations";
import { costPrice, parityWage, priceBuildUp } from "./pricing";
import { gradeCoef, gradePrice, gradeValue } from "./grades";
import { materialSaving, normCheck, normFulfil, oee, pieceRate, progressiveAvg, revisedPieceRate } from "./norms";
import { priceVariance, usageVariance } from "./variances";
import { inWords } from "./inwords";

export interface CatalogParam extends ParamDeclaration {
  readonly optional: boolean;
}

export interface CatalogEntry extends FunctionDeclaration {
  readonly params: readonly CatalogParam[];
  /** Whether the result is one value whatever the shape of the arguments. */
  readonly aggregate: boolean;
  readonly impl: (...args: Arg[]) => Grid<Result> | Result;
}

type Impl = CatalogEntry["impl"];

/** The calculation of each declared id. */
const IMPLEMENTATIONS: Readonly<Record<string, Impl>> = {
  COSTPRICE: costPrice,
  PRICEBUILDUP: priceBuildUp,
  PARITYWAGE: parityWage,
  GRADEPRICE: (p, g, t) => gradePrice(p, g, t),
  GRADEVALUE: (q, g, p, t) => gradeValue(q, g, p, t),
  GRADECOEF: (q, g, t) => gradeCoef(q, g, t),
  NORMFULFIL: normFulfil,
  MATERIALSAVING: materialSaving,
  OEE: oee,
  PROGRESSIVEAVG: (o, b, m) => progressiveAvg(o, b, m),
  NORMCHECK: (u, s, b) => normCheck(u, s, b),
  PIECERATE: pieceRate,
  REVISEDPIECERATE: revisedPieceRate,
  PRICEVARIANCE: priceVariance,
  USAGEVARIANCE: usageVariance,
  INWORDS: (a, u, l, s, m) => inWords(a, u, l, s, m),
};

export const CATALOG: readonly CatalogEntry[] = DECLARATIONS.map((declaration) => ({
  ...declaration,
  params: declaration.params.map((p) => ({ ...p, optional: p.default !== undefined })),
  aggregate: declaration.result === "scalar",
  impl: IMPLEMENTATIONS[declaration.id],
}));

export const CATALOG_BY_ID: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((entry) => [entry.id, entry]));

/**
 * The names Excel registers, each with the function it runs: every id, and every Vietnamese name
 * as a function of its own with the same calculation (README, "Function names").
 */
export interface Registration {
  readonly id: string;
  readonly entry: CatalogEntry;
  /** Whether this is the Vietnamese name of entry.id. */
  readonly alias: boolean;
}

export const REGISTRATIONS: readonly Registration[] = [
  ...CATALOG.map((entry) => ({ id: entry.id, entry, alias: false })),
  ...CATALOG.map((entry) => ({ id: entry.vi, entry, alias: true })),
];

export const REGISTRATION_BY_ID: ReadonlyMap<string, Registration> = new Map(REGISTRATIONS.map((r) => [r.id, r]));
