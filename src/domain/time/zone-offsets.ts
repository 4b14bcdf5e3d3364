import { DAY, HOUR, offsetAt, resolveWallWith } from './zone.js';

/**
 * A zone's offsets as a cached table of transitions, for code that converts many instants (a year of
 * hourly handoffs is ~9,000 conversions; through Intl each costs microseconds, through the table
 * nanoseconds). Gives exactly the answers of `offsetAt` / `wallOf` / `resolveWall` in zone.ts.
 *
 * Time is cut into 32-day chunks; a chunk is filled on first use by sampling the ICU offset every six
 * hours and bisecting, to the millisecond, between two samples that differ. This assumes no zone
 * changes its offset twice within six hours, which holds for the IANA database (resolveWall already
 * assumes a day).
 */
export interface ZoneClock {
  zone: string;
  /** UTC offset at an instant, ms. */
  offsetAt(instant: number): number;
  /** Wall reading of an instant (ms on the UTC scale). */
  wallOf(instant: number): number;
  /** The instant of a wall reading under the compatible rule, and how far a skipped reading moved. */
  resolve(wall: number): { instant: number; shifted: number };
  /** `resolve(wall).instant`. */
  instantOf(wall: number): number;
  /** The first instant in (from, to] at which the offset differs from the offset at `from`, or null. */
  nextChange(from: number, to: number): number | null;
}

const CHUNK = 32 * DAY;
const SAMPLE = 6 * HOUR;
/** Chunks kept per zone before the cache starts over (about 36 years). */
const MAX_CHUNKS = 400;

interface Chunk {
  first: number;
  /** Instants at which the offset changes inside the chunk, ascending, and the offset from each. */
  at: number[];
  offsets: number[];
}

function fillChunk(zone: string, index: number): Chunk {
  const start = index * CHUNK;
  const end = start + CHUNK;
  const first = offsetAt(zone, start);
  const chunk: Chunk = { first, at: [], offsets: [] };
  let prev = first;
  for (let s = start + SAMPLE; s <= end; s += SAMPLE) {
    const o = offsetAt(zone, s);
    if (o === prev) continue;
    // the first ms in (s - SAMPLE, s] whose offset is no longer `prev`
    let lo = s - SAMPLE;
    let hi = s;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    if (hi < end) {
      chunk.at.push(hi);
      chunk.offsets.push(offsetAt(zone, hi));
    }
    prev = o;
  }
  return chunk;
}

const clocks = new Map<string, ZoneClock>();

/** The (cached) clock of an IANA zone; the zone must be valid (see `canonicalTimeZone`). */
export function zoneClock(zone: string): ZoneClock {
  const cached = clocks.get(zone);
  if (cached) return cached;
  let chunks = new Map<number, Chunk>();
  const chunkAt = (index: number): Chunk => {
    let c = chunks.get(index);
    if (!c) {
      if (chunks.size >= MAX_CHUNKS) chunks = new Map();
      c = fillChunk(zone, index);
      chunks.set(index, c);
    }
    return c;
  };
  const offset = (t: number): number => {
    const c = chunkAt(Math.floor(t / CHUNK));
    let o = c.first;
    for (let i = 0; i < c.at.length && t >= c.at[i]!; i++) o = c.offsets[i]!;
    return o;
  };
  const clock: ZoneClock = {
    zone,
    offsetAt: offset,
    wallOf: (t) => t + offset(t),
    resolve: (wall) => resolveWallWith(offset, wall),
    instantOf: (wall) => resolveWallWith(offset, wall).instant,
    nextChange: (from, to) => {
      const o = offset(from);
      for (let index = Math.floor(from / CHUNK); index * CHUNK <= to; index++) {
        const c = chunkAt(index);
        // A change exactly at a chunk's start shows only as that chunk's first offset.
        const start = index * CHUNK;
        if (start > from && c.first !== o) return start;
        for (let i = 0; i < c.at.length; i++) {
          const at = c.at[i]!;
          if (at > to) return null;
          if (at > from && c.offsets[i] !== o) return at;
        }
      }
      return null;
    },
  };
  clocks.set(zone, clock);
  return clock;
}
