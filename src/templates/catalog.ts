import { CONTRACT } from "./contract";
import type { TemplateDecl } from "./model";
import { NORM_SHEET } from "./norm-sheet";
import { PLAN_TARGETS } from "./plan-targets";
import { PRICE_PLAN } from "./price-plan";

export const TEMPLATES: readonly TemplateDecl[] = [PLAN_TARGETS, CONTRACT, PRICE_PLAN, NORM_SHEET];

export function templateById(id: string): TemplateDecl | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
