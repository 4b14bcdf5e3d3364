import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface LiveEvent {
  id: string;
  topic: string;
  at: string;
  incidentId: string | null;
  incident?: unknown;
}

/**
 * One EventSource on /api/v1/stream for the whole app (the session cookie authenticates it). Every
 * incident event marks the incident queries stale, so lists and the open incident refetch in place;
 * EventSource reconnects by itself after a drop.
 */
export function useLiveStream(enabled: boolean): 'connected' | 'reconnecting' | 'off' {
  const qc = useQueryClient();
  const [state, setState] = useState<'connected' | 'reconnecting' | 'off'>('off');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const es = new EventSource('/api/v1/stream');
    const onEvent = (ev: MessageEvent<string>) => {
      let data: LiveEvent | null = null;
      try {
        data = JSON.parse(ev.data) as LiveEvent;
      } catch {
        return;
      }
      void qc.invalidateQueries({ queryKey: ['incidents'] });
      if (data.incidentId) void qc.invalidateQueries({ queryKey: ['incident', data.incidentId] });
      window.dispatchEvent(new CustomEvent('hikeshi:live', { detail: data }));
    };
    const topics = new Set<string>();
    const listen = (topic: string) => {
      if (topics.has(topic)) return;
      topics.add(topic);
      es.addEventListener(topic, onEvent as EventListener);
    };
    for (const t of LIVE_TOPICS) listen(t);
    es.onmessage = onEvent;
    es.onopen = () => setState('connected');
    es.onerror = () => setState('reconnecting');
    return () => {
      es.close();
      setState('off');
    };
  }, [enabled, qc]);
  return state;
}

/** SSE delivers named events only to listeners of that name; these are the topics the server sends. */
const LIVE_TOPICS = [
  'incident.declared',
  'incident.updated',
  'incident.acknowledged',
  'incident.resolved',
  'incident.reopened',
  'incident.closed',
  'incident.declined',
  'incident.merged',
  'incident.escalated',
  'note.added',
  'timeline.pinned',
  'timeline.unpinned',
  'role.assigned',
  'role.handed_over',
  'role.unassigned',
  'participant.added',
  'participant.removed',
  'responder.requested',
  'task.added',
  'task.updated',
  'task.completed',
  'alert.added',
  'alert.resolved',
];
