/**
 * What the markdown report takes from the registry about a finding: its
 * kind's words (src/kinds/<kind>/words.ts), its Other Drift cell, and what
 * its object is called.
 */
import { type FindingObject } from '../../findings/finding.js';
import { type DriftFinding, type FindingKind } from '../../findings/kinds.js';
import type { FindingWords } from '../../kinds/kind.js';
/** The words of a finding kind, from the kind that defines it. */
export declare function findingWords(kind: FindingKind): FindingWords;
/** The finding's cell in the Other Drift table, or null when the report lists it in a section of its own. */
export declare function otherDriftCell(f: DriftFinding): string | null;
/** `leads`, `billing.invoices`, `leads.score`, `lead_status`, `total(integer)`: the object a finding is about (enum labels left out). */
export declare function findingObjectName(o: FindingObject): string;
/** `` column `leads.score` ``, `` enum `lead_status` ``: the Object cell of a finding, drift or advice. */
export declare function findingObjectText(o: FindingObject): string;
