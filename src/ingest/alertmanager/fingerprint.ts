/**
 * Prometheus `model.LabelSet.Fingerprint()`, the identity Alertmanager and Grafana give each alert:
 * FNV-1a 64-bit over the labels sorted by name (bytewise, as Go sorts strings), each label adding the
 * UTF-8 bytes `name 0xFF value 0xFF`, printed as 16 lowercase hex digits (`%016x`). It depends on the
 * labels only, never on their order. Senders include it; we compute it only when one is missing or
 * malformed, so the same alert gets the same dedup key either way.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const SEPARATOR = 0xff;
const utf8 = new TextEncoder();

const FINGERPRINT = /^[0-9a-f]{16}$/;

/** A well-formed fingerprint as senders print it: exactly 16 lowercase hex digits. */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && FINGERPRINT.test(value);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels)
    .map(([name, value]) => ({ name: utf8.encode(name), value: utf8.encode(value) }))
    .sort((a, b) => compareBytes(a.name, b.name));
  let hash = FNV_OFFSET;
  const add = (byte: number) => {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME);
  };
  for (const { name, value } of entries) {
    for (const byte of name) add(byte);
    add(SEPARATOR);
    for (const byte of value) add(byte);
    add(SEPARATOR);
  }
  return hash.toString(16).padStart(16, '0');
}
