import type { AlertSeverity } from './types.js';

/**
 * What event rules read of an event: the field names shared by conditions and dedup-key templates
 * (`summary` … `dedupKey`, `labels.<name>`, `details.<dot.path>`), and how values compare.
 */

/** What rules read of an event; `AlertEvent` (ingest/event.ts) has this shape. */
export interface RuleEvent {
  dedupKey: string | null;
  summary: string;
  source: string | null;
  severity: AlertSeverity;
  component: string | null;
  group: string | null;
  class: string | null;
  labels: Record<string, string>;
  details: Record<string, unknown>;
}

export const RULE_FIELDS = ['summary', 'source', 'severity', 'component', 'group', 'class', 'dedupKey'] as const;

export type Getter = (e: RuleEvent) => unknown;

/** Bound of each memo below (they only grow with distinct field names and conditions in use). */
export const MEMO_LIMIT = 5000;

/** Getters by field name: built once per name, however often the rules are reloaded. */
const getters = new Map<string, Getter | null>();

/** A getter for a known field, or null when the name is not one. */
export function getterFor(field: string): Getter | null {
  let g = getters.get(field);
  if (g === undefined) {
    g = buildGetter(field);
    if (getters.size >= MEMO_LIMIT) getters.clear();
    getters.set(field, g);
  }
  return g;
}

function buildGetter(field: string): Getter | null {
  if ((RULE_FIELDS as readonly string[]).includes(field)) return (e) => e[field as (typeof RULE_FIELDS)[number]];
  if (field.startsWith('labels.') && field.length > 7) {
    const name = field.slice(7);
    return (e) => (Object.hasOwn(e.labels, name) ? e.labels[name] : undefined);
  }
  if (field.startsWith('details.')) {
    const path = field.slice(8).split('.');
    if (path.some((s) => s === '')) return null;
    return (e) => {
      let v: unknown = e.details;
      for (const seg of path) {
        if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
        v = (v as Record<string, unknown>)[seg];
      }
      return v;
    };
  }
  return null;
}

export function isKnownField(field: string): boolean {
  return getterFor(field) !== null;
}

/** Strings as they are, numbers and booleans as written, objects and arrays as JSON; absent → null. */
export function asText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    return null;
  }
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A finite number, or a string that is one in decimal notation; anything else is not a number. */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMERIC.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const TEMPLATE_FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `{{labels.job}}:{{source}}` → "api:db-1"; missing values render as "". null when every field is missing. */
export function renderTemplate(template: string, e: RuleEvent): string | null {
  let any = false;
  const out = template.replace(TEMPLATE_FIELD, (_m, field: string) => {
    const v = asText(getterFor(field)?.(e));
    if (v !== null && v !== '') any = true;
    return v ?? '';
  });
  return any ? out : null;
}

/** The field names a template refers to. */
export function templateFields(template: string): string[] {
  return [...template.matchAll(TEMPLATE_FIELD)].map((m) => m[1] ?? '');
}
