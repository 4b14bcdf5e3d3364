/**
 * iCalendar (RFC 5545) text for on-call feeds: UTC timestamps (no VTIMEZONE needed, so a calendar in
 * any zone shows the right instants across DST, edge case 7), CRLF line ends, content lines folded
 * at 75 octets without splitting a UTF-8 character, TEXT values escaped. Written by hand: it is
 * ~60 lines and the project keeps its dependency list short.
 */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
}

/** 2026-03-08T15:00:00.000Z → 20260308T150000Z */
export function icsInstant(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded into physical lines of at most 75 octets; continuations start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > 75) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + n;
    } else {
      current += ch;
      octets += n;
    }
  }
  out.push(current);
  return out.join('\r\n');
}

export function renderCalendar(opts: { name: string; description?: string; now: string; events: CalendarEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hikeshi//On-call schedules//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    ...(opts.description ? [`X-WR-CALDESC:${escapeText(opts.description)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const stamp = icsInstant(opts.now);
  for (const e of opts.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsInstant(e.start)}`,
      `DTEND:${icsInstant(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      // Being on call does not make a person busy in free/busy lookups.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
