import { MEMO_LIMIT } from './rule-fields.js';

export const MAX_REGEX_LENGTH = 500;
/** Regex conditions see at most this many characters of a value: bounds the cost of a slow pattern. */
export const REGEX_SUBJECT_LIMIT = 4096;

/**
 * Why a pattern is refused, or null. JavaScript regexes backtrack, so a hostile or careless pattern
 * can stall the ingest pipeline. We reject the classic exponential shape: a quantified group whose
 * body is itself quantified, e.g. `(a+)+`, `(\w*)*`, `(x+){2,}`. This is a heuristic: overlapping
 * alternations (`(a|a)*`) and polynomial shapes (`\d+\d+x`) pass; REGEX_SUBJECT_LIMIT and the
 * 500-character pattern limit bound what those can cost.
 */
export function regexProblem(source: string): string | null {
  if (source.length > MAX_REGEX_LENGTH) return `is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(source);
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
  if (hasNestedQuantifier(source)) return 'repeats a group that is already repeated, e.g. (a+)+, which can take exponential time; rewrite it without the nested quantifier';
  return null;
}

/** The quantifier at `i`: its length and whether it allows more than one repetition / a variable count. */
function quantifierAt(src: string, i: number): { len: number; repeats: boolean; variable: boolean } | null {
  const c = src[i];
  let len = 0;
  let repeats = false;
  let variable = false;
  if (c === '*' || c === '+') [len, repeats, variable] = [1, true, true];
  else if (c === '?') [len, repeats, variable] = [1, false, true];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    [len, repeats, variable] = [m[0].length, max > 1, max > min];
  } else return null;
  if (src[i + len] === '?') len++;
  return { len, repeats, variable };
}

function hasNestedQuantifier(src: string): boolean {
  // One frame per open group: whether its body can match a variable number of times (a+, b?, c{1,3}).
  const frames: boolean[] = [false];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    let closedInner: boolean | null = null;
    if (c === '\\') i += 2;
    else if (c === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      frames.push(false);
      i++;
      continue;
    } else if (c === ')') {
      closedInner = frames.pop() ?? false;
      if (frames.length === 0) frames.push(false);
      i++;
    } else if (c === '|') {
      i++;
      continue;
    } else i++;
    const q = quantifierAt(src, i);
    if (q) i += q.len;
    if (closedInner && q?.repeats) return true;
    if (closedInner || q?.variable) frames[frames.length - 1] = true;
  }
  return false;
}

/** Compiled patterns by source and flags; compiling once per pattern keeps the pipeline fast across reloads. */
const patternCache = new Map<string, RegExp | null>();

export function compilePattern(source: string, ignoreCase: boolean): RegExp | null {
  const key = `${ignoreCase ? 'i' : '-'}${source}`;
  let re = patternCache.get(key);
  if (re === undefined) {
    try {
      re = regexProblem(source) === null ? new RegExp(source, ignoreCase ? 'i' : '') : null;
    } catch {
      re = null;
    }
    if (patternCache.size >= MEMO_LIMIT) patternCache.clear();
    patternCache.set(key, re);
  }
  return re;
}
