import { CONTRACT } from "./contract";
import type { TemplateDecl } from "./model";
import { PLAN_TARGETS } from "./plan-targets";

export const TEMPLATES: readonly TemplateDecl[] = [PLAN_TARGETS, CONTRACT];

export function templateById(id: string): TemplateDecl | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
