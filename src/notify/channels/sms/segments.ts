/**
 * How many SMS segments a text costs, and cutting it to a cap (edge case 3.4 #33: a Japanese title
 * is sent as UCS-2 and split correctly; the body is cut within the cap and the link survives).
 *
 * - GSM 03.38 (7-bit) when every character is in the default alphabet or its extension table (the
 *   extension characters `^{}\[~]|€` and form feed cost two septets): 160 septets in one segment,
 *   153 per segment when concatenated (the user-data header takes 7).
 * - Otherwise UCS-2: UTF-16 code units, 70 in one segment, 67 per segment when concatenated. A
 *   character outside the BMP (an emoji) is a surrogate pair; segments are not split inside one, nor
 *   inside a GSM escape sequence, as handsets and carriers do.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(Array.from(GSM_BASIC));
const extended = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentation {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

/** What one character costs in its encoding. */
function cost(ch: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return ch.length;
  return extended.has(ch) ? 2 : 1;
}

export function smsSegments(text: string): SmsSegmentation {
  const encoding = smsEncoding(text);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const chars = Array.from(text);
  const units = chars.reduce((n, ch) => n + cost(ch, encoding), 0);
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= single) return { encoding, units, segments: 1 };
  // Pack greedily without splitting a character (a surrogate pair or an escape sequence).
  let segments = 1;
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch, encoding);
    if (used + c > multi) {
      segments++;
      used = 0;
    }
    used += c;
  }
  return { encoding, units, segments };
}

/**
 * `head` + `tail` within `maxSegments`: the tail (a link, a reply code) is kept whole and the head is
 * cut at a character boundary, marked with an ellipsis. The tail alone beyond the cap is cut too.
 */
export function fitSms(head: string, tail: string, maxSegments: number): string {
  const whole = tail ? `${head}${tail}` : head;
  if (smsSegments(whole).segments <= maxSegments) return whole;
  const chars = Array.from(head);
  // The ellipsis character would force UCS-2 on a GSM text; use three dots there.
  const mark = smsEncoding(whole) === 'GSM-7' ? '...' : '…';
  let lo = 0;
  let hi = chars.length;
  // Largest prefix that fits (segment count grows monotonically with the prefix length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (smsSegments(`${chars.slice(0, mid).join('')}${mark}${tail}`).segments <= maxSegments) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return `${chars.slice(0, lo).join('')}${mark}${tail}`;
  if (smsSegments(tail).segments <= maxSegments) return tail;
  return fitSms(tail, '', maxSegments);
}
