/**
 * The status page's only stylesheet, inlined (the route's CSP allows `style-src 'unsafe-inline'` and
 * nothing external): calm, responsive from 320 px, light and dark following the reader's system.
 *
 * Colours live in PALETTES so that styles.test.ts can check them: text at least 4.5:1 against the
 * surface it sits on (WCAG AA), bar and dot fills at least 3:1 against the card (WCAG 1.4.11). A
 * status is never told by colour alone: every coloured thing has its words next to it or in its
 * accessible text.
 */
import type { DayStatus } from '../../domain/status/uptime.js';
import type { BannerKind } from './strings.js';

type Tone = 'ok' | 'degraded' | 'partial' | 'major' | 'maintenance' | 'nodata';

export interface Palette {
  page: string;
  card: string;
  ink: string;
  muted: string;
  border: string;
  link: string;
  /** Status words, on the card. */
  text: Record<Tone, string>;
  /** Bars and dots, on the card. */
  fill: Record<Tone, string>;
}

export const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
  light: {
    page: '#f6f8fa',
    card: '#ffffff',
    ink: '#1f2328',
    muted: '#59636e',
    border: '#d0d7de',
    link: '#0969da',
    text: { ok: '#1a7f37', degraded: '#9a6700', partial: '#bc4c00', major: '#cf222e', maintenance: '#0969da', nodata: '#59636e' },
    fill: { ok: '#2da44e', degraded: '#bf8700', partial: '#e16f24', major: '#cf222e', maintenance: '#0969da', nodata: '#8c959f' },
  },
  dark: {
    page: '#0d1117',
    card: '#161b22',
    ink: '#e6edf3',
    muted: '#9198a1',
    border: '#30363d',
    link: '#4493f8',
    text: { ok: '#3fb950', degraded: '#d29922', partial: '#db6d28', major: '#f85149', maintenance: '#4493f8', nodata: '#9198a1' },
    fill: { ok: '#3fb950', degraded: '#d29922', partial: '#db6d28', major: '#f85149', maintenance: '#4493f8', nodata: '#6e7681' },
  },
};

/** The banner's background and text, the same in light and dark (a filled bar either way). */
export const BANNER_COLOURS: Readonly<Record<BannerKind, { background: string; text: string }>> = {
  operational: { background: '#1a7f37', text: '#ffffff' },
  incident: { background: '#e3b341', text: '#3b2300' },
  degraded: { background: '#e3b341', text: '#3b2300' },
  major: { background: '#bc4c00', text: '#ffffff' },
  critical: { background: '#cf222e', text: '#ffffff' },
  maintenance: { background: '#0969da', text: '#ffffff' },
};

/** The tone (CSS class suffix) of a component or day status. */
export function toneOf(status: DayStatus): Tone {
  switch (status) {
    case 'operational':
      return 'ok';
    case 'degraded_performance':
      return 'degraded';
    case 'partial_outage':
      return 'partial';
    case 'major_outage':
      return 'major';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'nodata';
  }
}

const TONES: readonly Tone[] = ['ok', 'degraded', 'partial', 'major', 'maintenance', 'nodata'];

function variables(p: Palette): string {
  const tones = TONES.map((t) => `--t-${t}:${p.text[t]};--f-${t}:${p.fill[t]}`).join(';');
  return `--page:${p.page};--card:${p.card};--ink:${p.ink};--muted:${p.muted};--border:${p.border};--link:${p.link};${tones}`;
}

const banners = Object.entries(BANNER_COLOURS)
  .map(([kind, c]) => `.banner-${kind}{background:${c.background};color:${c.text}}`)
  .join('\n');

const tones = TONES.map((t) => `.tone-${t}{color:var(--t-${t})}.tone-${t} .dot,.bars>.tone-${t}{background:var(--f-${t})}`).join('\n');

export const STYLE = `
:root{${variables(PALETTES.light)};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${variables(PALETTES.dark)}}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--page);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP",Meiryo,sans-serif}
a{color:var(--link)}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.wrap{max-width:860px;margin:0 auto;padding:24px 16px 48px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header.top{margin-bottom:20px}
.title{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 12px}
h1{font-size:28px;line-height:1.25;margin:0;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:13px;font-weight:600;line-height:1.4;padding:1px 8px;border:1px solid var(--border);border-radius:999px;color:var(--muted);background:var(--card)}
.description{margin:8px 0 0;color:var(--muted);white-space:pre-line;overflow-wrap:anywhere}
.banner{margin:20px 0 0;padding:16px 20px;border-radius:10px}
.banner-text{margin:0;font-size:20px;font-weight:700;line-height:1.35}
.banner-detail{margin:4px 0 0;font-size:15px}
.asof{margin:8px 0 0;font-size:14px;color:var(--muted)}
section{margin-top:32px}
h2{font-size:19px;line-height:1.3;margin:0 0 12px}
h3,h4{font-size:17px;line-height:1.35;margin:0;overflow-wrap:anywhere}
.card{background:var(--card);border:1px solid var(--border);border-radius:10px}
.event{padding:16px 20px;border-left:6px solid var(--f-nodata);margin-bottom:12px}
.event.impact-none,.event.impact-minor{border-left-color:var(--f-degraded)}
.event.impact-major{border-left-color:var(--f-partial)}
.event.impact-critical{border-left-color:var(--f-major)}
.event.impact-maintenance{border-left-color:var(--f-maintenance)}
.event-meta{margin:4px 0 0;font-size:14px;color:var(--muted)}
.event-meta>*+*::before{content:"·";margin:0 6px}
.window{margin:6px 0 0;font-size:15px}
.updates{list-style:none;margin:12px 0 0;padding:0}
.update{padding:10px 0;border-top:1px solid var(--border)}
.update-status{font-weight:700}
.update-body{margin:2px 0 0;white-space:pre-line;overflow-wrap:anywhere}
.update-time{margin:2px 0 0;font-size:14px;color:var(--muted)}
.affected{margin:10px 0 0;font-size:14px;color:var(--muted);overflow-wrap:anywhere}
.components{list-style:none;margin:0;padding:0}
.components>li+li{border-top:1px solid var(--border)}
.component{padding:14px 20px}
.group-head{display:flex;justify-content:space-between;align-items:baseline;gap:12px;padding:14px 20px;border-bottom:1px solid var(--border)}
.group-head h3{font-size:16px}
.group .components{padding-left:12px}
.group-description{padding:8px 20px 0}
.row{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.name{font-weight:600;overflow-wrap:anywhere}
.component-description{margin:2px 0 0;font-size:14px;color:var(--muted);white-space:pre-line;overflow-wrap:anywhere}
.status{flex:none;display:inline-flex;align-items:center;gap:6px;font-size:15px;font-weight:600;text-align:right}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%}
.uptime{margin-top:10px}
.bars{display:flex;gap:2px;list-style:none;margin:0;padding:0;height:32px}
.bars>li{position:relative;flex:1 1 0;min-width:0;border-radius:2px}
.bars>li>span{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.bars>li:hover{box-shadow:0 0 0 2px var(--ink)}
.bars>li:hover>span{z-index:1;bottom:calc(100% + 8px);left:50%;transform:translateX(-50%);width:auto;height:auto;overflow:visible;clip:auto;padding:4px 10px;border-radius:6px;background:var(--ink);color:var(--card);font-size:13px;line-height:1.4}
.bars>li:nth-child(-n+15):hover>span{left:0;transform:none}
.bars>li:nth-last-child(-n+15):hover>span{left:auto;right:0;transform:none}
.uptime-scale{display:flex;justify-content:space-between;gap:8px;margin-top:4px;font-size:13px;color:var(--muted)}
.uptime-figure{font-weight:600;color:var(--ink)}
.ago-narrow{display:none}
.days{list-style:none;margin:0;padding:0}
.day{padding:12px 20px;border-top:1px solid var(--border)}
.day:first-child{border-top:0}
.day h3{font-size:15px}
.day .event{margin:8px 0 0;padding:12px 16px}
.quiet{margin:0;color:var(--muted);font-size:15px}
footer{margin-top:40px;font-size:15px}
.links{display:flex;flex-wrap:wrap;gap:8px 20px;list-style:none;margin:0;padding:0}
.subscribe{padding:16px 20px;margin-top:16px}
.subscribe p{margin:0 0 12px;color:var(--muted);font-size:14px}
label{display:block;font-weight:600;margin-bottom:4px}
.email-row{display:flex;flex-wrap:wrap;gap:8px}
input[type=email]{flex:1 1 240px;min-height:44px;padding:8px 12px;font:inherit;color:var(--ink);background:var(--page);border:1px solid var(--muted);border-radius:8px}
button{min-height:44px;padding:8px 20px;font:inherit;font-weight:600;color:#ffffff;background:#0969da;border:0;border-radius:8px;cursor:pointer}
fieldset{margin:14px 0 0;padding:0;border:0}
legend{font-weight:600;margin-bottom:6px;font-size:14px}
.choices{display:flex;flex-wrap:wrap;gap:4px 16px}
.choices label{display:inline-flex;align-items:center;gap:6px;font-weight:400;margin:0;min-height:32px;overflow-wrap:anywhere}
.fine{margin-top:24px;font-size:13px;color:var(--muted)}
.message{padding:24px 20px}
.message p{margin:12px 0 0;white-space:pre-line;overflow-wrap:anywhere}
${banners}
${tones}
@media (max-width:600px){
.wrap{padding:16px 12px 40px}
h1{font-size:23px}
.banner{padding:14px 16px}
.banner-text{font-size:18px}
.event,.component,.subscribe,.day,.group-head{padding-left:14px;padding-right:14px}
.bars>.older{display:none}
.ago-wide{display:none}.ago-narrow{display:inline}
}
@media print{body{background:#fff}.subscribe{display:none}}
`;
