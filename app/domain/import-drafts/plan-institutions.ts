// The institutions an import names — in contributions ("PUP – 725") and in the cards'
// "Realizator(zy)" text — matched to the municipality's stored institutions by name, short code,
// acronym and similarity, new ones proposed; and each card's implementers as project links,
// lead or partner where the text says so (decision 044). Pure, like the rest of the plan.
import { splitImplementers } from "../../report-reader/implementers.ts";
import type { ImportProposal } from "../../report-reader/types.ts";
import {
  institutionKindOf,
  isShortCode,
  matchInstitution,
  type InstitutionLike,
} from "../institutions-matching.ts";
import { institutionKey } from "./matching.ts";

export type InstitutionPlan = {
  name: string;
  shortName: string | null;
  kind: string;
  /** The stored institution this name means; null: a new one is created. */
  existingId: string | null;
};

export type ProjectInstitutionPlan = {
  projectKey: string;
  institutionKey: string;
  role: "lead" | "partner";
};

export type InstitutionsPlan = {
  /** By institutionKey of every written form; two forms of one institution share the entry. */
  institutions: Map<string, InstitutionPlan>;
  projectInstitutions: ProjectInstitutionPlan[];
};

export function planInstitutions(opts: {
  proposal: ImportProposal;
  stored: InstitutionLike[];
  projectKeys: string[];
}): InstitutionsPlan {
  const institutions = new Map<string, InstitutionPlan>();
  const proposed: (InstitutionLike & { plan: InstitutionPlan })[] = [];

  const add = (written: string): string | null => {
    const name = written.trim();
    const key = institutionKey(name);
    if (!key) return null;
    if (institutions.has(key)) return key;
    const stored = matchInstitution(name, opts.stored);
    if (stored) {
      const same = [...institutions.values()].find((p) => p.existingId === stored.id);
      institutions.set(key, same ?? { name, shortName: null, kind: "", existingId: stored.id });
      return key;
    }
    // Another form of an institution this import already proposes ("MOPS" and its full name).
    const earlier = matchInstitution(name, proposed);
    const plan = earlier ? proposed.find((p) => p.id === earlier.id)?.plan : undefined;
    if (plan) {
      if (isShortCode(name) && !plan.shortName) plan.shortName = name;
      else if (isShortCode(plan.name) && !isShortCode(name)) {
        plan.shortName = plan.name;
        plan.name = name;
      }
      institutions.set(key, plan);
      return key;
    }
    const created: InstitutionPlan = {
      name,
      shortName: isShortCode(name) ? name : null,
      kind: institutionKindOf(name),
      existingId: null,
    };
    institutions.set(key, created);
    proposed.push({ id: key, name, shortName: created.shortName, plan: created });
    return key;
  };

  for (const indicator of opts.proposal.indicators) {
    for (const c of indicator.contributions) add(c.institution);
  }
  const projectInstitutions: ProjectInstitutionPlan[] = [];
  opts.proposal.projects.forEach((project, index) => {
    const projectKey = opts.projectKeys[index];
    if (!projectKey) return;
    const linked = new Set<InstitutionPlan>();
    for (const implementer of splitImplementers(project.fields.implementers)) {
      const key = add(implementer.name);
      const plan = key ? institutions.get(key) : undefined;
      if (!key || !plan || linked.has(plan)) continue;
      linked.add(plan);
      projectInstitutions.push({
        projectKey,
        institutionKey: key,
        role: implementer.role === "lead" ? "lead" : "partner",
      });
    }
  });
  return { institutions, projectInstitutions };
}
