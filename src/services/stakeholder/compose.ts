import type { z } from 'zod';
import { SendStakeholderUpdateBody } from '../../contracts/stakeholder.js';
import { validation } from '../../domain/errors.js';
import type { Locale } from '../../notify/render/i18n.js';
import type { IncidentRow } from '../../store/queries/incident.js';
import type { Actor, Executor } from '../context.js';
import { parseInput } from '../shared/parse.js';
import type { AudienceRow } from './audience-view.js';
import { loadStakeholderFacts, nextSequence } from './facts.js';
import { loadAudiences, resolveRecipients, type StakeholderRecipient } from './recipients.js';
import { type RenderedStakeholderUpdate, renderStakeholderUpdate } from './templates.js';

export type SendBody = z.output<typeof SendStakeholderUpdateBody>;

export function parseSendBody(input: unknown, nowIso: string): SendBody {
  const body = parseInput(SendStakeholderUpdateBody, input);
  if (body.nextUpdateAt && Date.parse(body.nextUpdateAt) <= Date.parse(nowIso)) {
    throw validation('nextUpdateAt', `must be in the future (now is ${nowIso})`);
  }
  return body;
}

export interface Composition {
  sequence: number;
  audiences: AudienceRow[];
  recipients: StakeholderRecipient[];
  /** The language the stored copy is in: the one requested, else the first audience's. */
  primary: Locale;
  /** One rendering per language in use, the primary first. */
  renderings: Map<Locale, RenderedStakeholderUpdate>;
}

/** Everything a stakeholder update says and to whom, without writing anything (send and preview share it). */
export async function composeUpdate(
  ex: Executor,
  opts: { actor: Actor; publicUrl: string; incident: IncidentRow; body: SendBody },
): Promise<Composition> {
  const audiences = await loadAudiences(ex, opts.body.audienceIds);
  const recipients = await resolveRecipients(ex, audiences, opts.body.language);
  const sequence = await nextSequence(ex, opts.incident.id);
  const facts = await loadStakeholderFacts(ex, { ...opts, sequence });
  const primary: Locale = opts.body.language ?? (audiences[0]!.language === 'ja' ? 'ja' : 'en');
  const languages = [primary, ...new Set(recipients.map((r) => r.language))].filter((l, i, all) => all.indexOf(l) === i);
  const renderings = new Map(languages.map((l) => [l, renderStakeholderUpdate(facts, l)] as const));
  return { sequence, audiences, recipients, primary, renderings };
}
