// Slack's mrkdwn as DOM nodes. What people write reaches the page only as text nodes and as attributes set one by
// one: no HTML string is ever built from it, so no text can become markup, whatever characters it holds. Links
// keep their target only for http(s) and mailto (Slack's own rule); any other scheme shows its label as text.
'use strict';

const MRKDWN_EMOJI = {warning: '⚠️', pushpin: '📌', hourglass_flowing_sand: '⏳', small_blue_diamond: '🔹',
  white_check_mark: '✅', triangular_flag_on_post: '🚩', stopwatch: '⏱️', inbox_tray: '📥', x: '❌', tada: '🎉'};
const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];

// Slack escapes these three in message text; everything else arrives as typed.
const unslack = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function mrkdwnNode(tag, attrs, children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  e.append(...(children || []));
  return e;
}

/** A link target the page may follow, normalised by the browser's own URL parser; null for any other. */
function safeUrl(target) {
  try {
    const u = new URL(target.trim());
    return LINK_SCHEMES.includes(u.protocol) ? u.href : null;
  } catch (e) {
    return null; // relative, or not a URL at all
  }
}

// Slack shows <!date^…> in the reader's own time zone: here, the member the page acts as.
function slackDate(epoch, format, tz) {
  const d = new Date(epoch * 1000);
  const part = opts => new Intl.DateTimeFormat('en-GB', Object.assign({timeZone: tz}, opts)).format(d);
  return format
    .replace('{date_num}', part({year: 'numeric', month: '2-digit', day: '2-digit'}).split('/').reverse().join('-'))
    .replace(/\{date_(short_)?pretty\}|\{date_short\}/, part({day: 'numeric', month: 'short'}))
    .replace(/\{date_long(_pretty)?\}|\{date\}/, part({weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'}))
    .replace('{time_secs}', part({hour: '2-digit', minute: '2-digit', second: '2-digit'}))
    .replace('{time}', part({hour: '2-digit', minute: '2-digit'}));
}

/** One <…> token of Slack's text: a mention, a channel, a date, a broadcast or a link. */
function mrkdwnToken(inner, reader) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.substring(0, bar);
  const label = bar < 0 ? '' : inner.substring(bar + 1);
  const mention = text => mrkdwnNode('span', {class: 'mention'}, [text]);
  if (target.startsWith('@')) return mention('@' + reader.nameOf(target.substring(1)));
  if (target.startsWith('#')) return mention('#' + (label || target.substring(1)));
  if (target.startsWith('!date^')) {
    const [, epoch, format] = target.split('^');
    return document.createTextNode(label && !format ? label : slackDate(Number(epoch), format || '{date_short} {time}', reader.tz()));
  }
  if (target.startsWith('!')) return mention('@' + target.substring(1).split('^')[0]);
  const href = safeUrl(target);
  if (!href) return mrkdwnNode('span', {class: 'unsafe-link', title: 'Not a web or mail link: not followed'}, [label || target]);
  return mrkdwnNode('a', {href, target: '_blank', rel: 'noopener noreferrer'}, [label || target]);
}

// The marks: *bold*, _italic_, ~strike~ and `code`, each opening after a space or "(" and closing before a space or
// punctuation, as Slack reads them.
const MARKS = {'*': 'b', '_': 'i', '~': 's', '`': 'code'};
const OPENS_AFTER = /[\s(]/;
const CLOSES_BEFORE = /[\s).,:;!?]/;

/**
 * A line as nodes. {@code units} are the line's characters, with each <…> token already one unit (a node), so a
 * mark can span a mention while no character of the text can pose as a token.
 */
function inlineNodes(units, withMarks) {
  const out = [];
  let text = '';
  const flush = () => {
    if (text) out.push(document.createTextNode(text.replace(/:([a-z0-9_+-]+):/g, (all, n) => MRKDWN_EMOJI[n] || all)));
    text = '';
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (typeof u !== 'string') { flush(); out.push(u); continue; }
    const tag = withMarks && MARKS[u];
    if (tag && (i === 0 || (typeof units[i - 1] === 'string' && OPENS_AFTER.test(units[i - 1])))) {
      const close = units.indexOf(u, i + 1);
      const after = units[close + 1];
      if (close > i + 1 && (after === undefined || (typeof after === 'string' && CLOSES_BEFORE.test(after)))) {
        flush();
        out.push(mrkdwnNode(tag, {}, inlineNodes(units.slice(i + 1, close), tag !== 'code')));
        i = close;
        continue;
      }
    }
    text += u;
  }
  flush();
  return out;
}

/** Characters and token nodes of {@code raw} (Slack-escaped text without code fences). */
function mrkdwnUnits(raw, reader) {
  const units = [];
  const re = /<([^<>]+)>/g;
  let last = 0;
  let m;
  while ((m = re.exec(raw))) {
    units.push(...Array.from(unslack(raw.substring(last, m.index))), mrkdwnToken(unslack(m[1]), reader));
    last = re.lastIndex;
  }
  units.push(...Array.from(unslack(raw.substring(last))));
  return units;
}

/**
 * Slack mrkdwn as a list of nodes for {@code reader} ({nameOf: userId => name, tz: () => IANA zone}): ``` blocks,
 * "> " quotes, lines, marks, mentions, dates and links.
 */
function mrkdwn(text, reader) {
  if (!text) return [];
  const out = [];
  text.split('```').forEach((part, i, parts) => {
    if (i % 2 === 1 && i === parts.length - 1) part = '```' + part; // an unclosed fence is just text
    else if (i % 2 === 1) {
      out.push(mrkdwnNode('pre', {}, inlineNodes(mrkdwnUnits(part, reader), false)));
      return;
    }
    const lines = part.split('\n');
    lines.forEach((line, n) => {
      const quote = /^(&gt;|>)( |$)/.exec(line);
      if (quote) {
        out.push(mrkdwnNode('blockquote', {}, inlineNodes(mrkdwnUnits(line.substring(quote[0].length), reader), true)));
        return;
      }
      out.push(...inlineNodes(mrkdwnUnits(line, reader), true));
      if (n < lines.length - 1) out.push(document.createElement('br'));
    });
  });
  while (out.length && out[out.length - 1].nodeName === 'BR') out.pop();
  return out;
}
