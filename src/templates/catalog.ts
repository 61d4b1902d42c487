import { CONTRACT } from "./contract";
import type { TemplateDecl } from "./model";
import { NORM_SHEET } from "./norm-sheet";
import { PLAN_TARGETS } from "./plan-targets";
import { PRICE_PLAN } from "./price-plan";
import { PLAN_REPORT } from "./plan-report";

/** The templates a blank form starts from (the pane's cards). */
export const TEMPLATES: readonly TemplateDecl[] = [PLAN_TARGETS, CONTRACT, PRICE_PLAN, NORM_SHEET];

/** Reports written from a filled template (its entry's button), stored and updated like the others. */
export const REPORTS: readonly TemplateDecl[] = [PLAN_REPORT];

export function templateById(id: string): TemplateDecl | undefined {
  return TEMPLATES.find((t) => t.id === id) ?? REPORTS.find((t) => t.id === id);
}
