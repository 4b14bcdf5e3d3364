import type { z } from 'zod';
import type { StakeholderUpdatePreview } from '../../contracts/stakeholder.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { composeUpdate, parseSendBody } from './compose.js';

export type StakeholderPreviewView = z.infer<typeof StakeholderUpdatePreview>;

/** What sending this body would write and to how many addresses; nothing is saved or sent. */
export async function previewStakeholderUpdate(ctx: ServiceContext, incidentId: string, input: unknown): Promise<StakeholderPreviewView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseSendBody(input, ctx.clock.now().toISOString());
  const db = ctx.store.db;
  const { row: incident } = await loadVisibleIncident(db, ctx.actor, incidentId);
  const c = await composeUpdate(db, { actor: ctx.actor, publicUrl: ctx.publicUrl, incident, body });
  const messages = [...c.renderings.values()].map((m) => ({
    language: m.language,
    subject: m.subject,
    text: m.text,
    html: m.html,
    recipients: c.recipients.filter((r) => r.language === m.language).length,
  }));
  const first = messages[0]!;
  return { subject: first.subject, text: first.text, html: first.html, recipients: c.recipients.length, messages };
}
