import type { z } from 'zod';
import type { Participant } from '../../contracts/collaboration.js';
import type { Executor } from '../context.js';

export type ParticipantView = z.infer<typeof Participant>;

/** Participants of one incident (or one of them), in the order they joined. */
export async function participantViews(ex: Executor, incidentId: string, userId?: string): Promise<ParticipantView[]> {
  return ex
    .selectFrom('incidentParticipant')
    .innerJoin('appUser', 'appUser.id', 'incidentParticipant.userId')
    .select(['incidentParticipant.userId', 'appUser.name', 'incidentParticipant.reason', 'incidentParticipant.addedAt'])
    .where('incidentParticipant.incidentId', '=', incidentId)
    .$if(userId !== undefined, (q) => q.where('incidentParticipant.userId', '=', userId!))
    .orderBy('incidentParticipant.addedAt')
    .orderBy('incidentParticipant.userId')
    .execute();
}
