// The sandbox page: renders the fake Slack's state as the chosen member sees it, and turns every click into a call
// to /sandbox/api/..., which sends the bot the signed Slack request. Plain DOM, no build step.
'use strict';

const api = {
  async state(me) {
    const r = await fetch('/sandbox/api/state?as=' + encodeURIComponent(me));
    return r.text();
  },
  async post(path, body) {
    const r = await fetch('/sandbox/api/' + path, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(Object.assign({as: ui.me}, body || {}))
    });
    const answer = await r.json().catch(() => ({ok: false, error: 'HTTP ' + r.status}));
    showNotice(answer.ok ? answer.notice : answer.error, !answer.ok);
    refresh();
    return answer;
  }
};

const ui = {me: localStorage.getItem('sandbox.me') || 'U0ALICE001', conversation: null, thread: null,
  lastJson: '', state: null, modalKey: ''};
const $ = id => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) e.append(c);
  return e;
}

function showNotice(text, isError) {
  const n = $('notice');
  n.hidden = !text;
  n.textContent = text || '';
  n.className = isError ? 'error' : '';
}

// ------------------------------------------------------------------ mrkdwn

const members = () => (ui.state ? ui.state.members : []);
const memberName = id => (members().find(m => m.id === id) || {name: id}).name;
const meTz = () => (members().find(m => m.id === ui.me) || {tz: 'UTC'}).tz;
// Who reads the text: mentions show the member's name, dates the time zone of the member the page acts as.
const reader = {nameOf: memberName, tz: meTz};
// Block Kit text as nodes: mrkdwn, or plain text as it is.
const textOf = t => !t ? [] : (t.type === 'mrkdwn' ? mrkdwn(t.text, reader) : [t.text || '']);

// ------------------------------------------------------------------ Block Kit

// where: {on: 'message', channel, ts} | {on: 'ephemeral', index} | {on: 'view', viewId}; inputs only in modals.
function element(e, blockId, where) {
  const act = extra => api.post('action', Object.assign({}, where, {actionId: e.action_id, blockId}, extra));
  const optionsOf = () => (e.options || []).concat(...(e.option_groups || []).map(g => g.options));
  switch (e.type) {
    case 'button':
      return el('button', {class: 'btn' + (e.style ? ' ' + e.style : ''), type: 'button', 'data-action': e.action_id,
        'aria-label': e.accessibility_label,
        onclick: () => {
          if (e.confirm && !window.confirm((e.confirm.title || {}).text + '\n\n' + (e.confirm.text || {}).text)) return;
          if (e.url && safeUrl(e.url)) window.open(safeUrl(e.url), '_blank', 'noopener');
          act({type: 'button', value: e.value});
        }}, e.text.text);
    case 'static_select': case 'overflow': {
      const s = el('select', {'data-action': e.action_id, onchange: () => act({type: e.type, value: s.value})},
        el('option', {value: ''}, e.type === 'overflow' ? '⋯' : (e.placeholder || {}).text || 'Choose…'),
        optionsOf().map(o => el('option', {value: o.value}, o.text.text)));
      if (e.initial_option) s.value = e.initial_option.value;
      return s;
    }
    case 'multi_static_select': {
      const s = el('select', {multiple: '', 'data-action': e.action_id,
        onchange: () => act({type: e.type, values: [...s.selectedOptions].map(o => o.value)})},
        optionsOf().map(o => el('option', {value: o.value}, o.text.text)));
      (e.initial_options || []).forEach(o => { const x = [...s.options].find(y => y.value === o.value); if (x) x.selected = true; });
      return s;
    }
    case 'users_select': {
      const s = el('select', {'data-action': e.action_id, onchange: () => act({type: e.type, value: s.value})},
        el('option', {value: ''}, (e.placeholder || {}).text || 'Choose a person'),
        members().filter(m => !m.bot).map(m => el('option', {value: m.id}, m.name)));
      if (e.initial_user) s.value = e.initial_user;
      return s;
    }
    case 'datepicker': {
      const d = el('input', {type: 'date', 'data-action': e.action_id, onchange: () => act({type: e.type, value: d.value})});
      if (e.initial_date) d.value = e.initial_date;
      return d;
    }
    case 'image': return el('img', {src: safeUrl(e.image_url || ''), alt: e.alt_text, width: 20});
    default: return el('span', {class: 'muted'}, '[' + e.type + ']');
  }
}

function blocks(list, where) {
  return (list || []).map(b => {
    switch (b.type) {
      case 'header': return el('div', {class: 'block-header'}, b.text.text);
      case 'section': return el('div', {class: 'block-section'},
        el('div', {class: 'mrkdwn'}, b.text ? el('div', {}, textOf(b.text)) : null,
          b.fields ? el('div', {class: 'fields'}, b.fields.map(f => el('div', {}, textOf(f)))) : null),
        b.accessory ? element(b.accessory, b.block_id, where) : null);
      case 'context': return el('div', {class: 'block-context mrkdwn'},
        b.elements.map(c => c.type === 'image' ? element(c) : el('span', {}, textOf(c))));
      case 'actions': return el('div', {class: 'block-actions'}, b.elements.map(e => element(e, b.block_id, where)));
      case 'divider': return el('hr', {class: 'block-divider'});
      case 'rich_text': return null; // the message's text says the same
      default: return el('div', {class: 'muted'}, '[' + b.type + ' block]');
    }
  });
}

// ------------------------------------------------------------------ messages

function message(m, inThread) {
  const bot = !!m.bot_id;
  const hasBlocks = (m.blocks || []).some(b => b.type !== 'rich_text');
  const where = {on: 'message', channel: m.channel, ts: m.ts};
  const when = new Date(Number(m.ts) * 1000).toLocaleTimeString('en-GB', {timeZone: meTz(), hour: '2-digit', minute: '2-digit'});
  const files = (m.files || []).map(f => {
    const known = ui.state.files.find(x => x.id === f.id) || f;
    const href = '/sandbox/api/files/' + encodeURIComponent(f.id);
    if ((known.filename || '').endsWith('.png')) {
      // a graph or the timeline chart: shown, as Slack shows an image
      return el('div', {class: 'file'}, el('a', {href: href, target: '_blank', rel: 'noopener'},
        el('img', {class: 'figure', src: href, alt: known.title || known.filename})));
    }
    return el('div', {class: 'file'}, '📄', el('a', {href: '/sandbox/api/files/' + encodeURIComponent(f.id), download: known.filename || ''},
      known.title || known.filename || f.id), el('span', {class: 'muted small'}, (known.size || '') + ' bytes'));
  });
  const reactions = Object.entries(m.reactions || []).length === 0 ? null : el('div', {class: 'reactions'},
    (m.reactions || []).map(r => el('button', {class: 'reaction', type: 'button', title: r.users.map(memberName).join(', '),
      'aria-label': r.name + ' reaction by ' + r.users.map(memberName).join(', ') + ': press to add or take back yours',
      onclick: () => api.post('react', {channel: m.channel, ts: m.ts, name: r.name})},
      (r.name === 'pushpin' ? '📌' : ':' + r.name + ':') + ' ' + r.users.length)));
  const isReply = m.thread_ts && m.thread_ts !== m.ts;
  return el('div', {class: 'msg', 'data-ts': m.ts, 'data-from': bot ? 'bot' : m.user},
    el('div', {class: 'meta'}, el('span', {class: 'author'}, bot ? ui.state.members.find(x => x.bot).name : memberName(m.user)),
      bot ? el('span', {class: 'app-tag'}, 'APP') : null, when, m.edited ? ' (edited)' : ''),
    hasBlocks ? el('div', {class: 'blocks'}, blocks(m.blocks, where)) : el('div', {class: 'mrkdwn text'}, mrkdwn(m.text, reader)),
    files, reactions,
    !inThread && m.replies ? el('button', {class: 'replies-link', type: 'button', onclick: () => openThread(m.channel, m.ts)},
      m.replies.length + (m.replies.length === 1 ? ' reply' : ' replies')) : null,
    el('div', {class: 'tools'},
      el('button', {type: 'button', title: 'Add :pushpin: reaction', 'aria-label': 'Add :pushpin: reaction', class: 'pin',
        onclick: () => api.post('react', {channel: m.channel, ts: m.ts, name: 'pushpin'})}, '📌'),
      !inThread && !isReply ? el('button', {type: 'button', title: 'Reply in thread', 'aria-label': 'Reply in thread', class: 'reply',
        onclick: () => openThread(m.channel, m.ts)}, '💬') : null,
      el('button', {type: 'button', title: 'Add to COE timeline (message shortcut)', class: 'shortcut',
        onclick: () => api.post('shortcut', {channel: m.channel, ts: m.ts, callbackId: 'add_to_coe_timeline'})}, '⋯ Add to COE timeline')));
}

function ephemeral(e, index) {
  const hasBlocks = (e.blocks || []).length > 0;
  return el('div', {class: 'msg ephemeral'},
    el('div', {class: 'meta'}, el('span', {class: 'author'}, ui.state.members.find(x => x.bot).name),
      el('span', {class: 'app-tag'}, 'APP'), el('span', {class: 'only-you'}, 'Only visible to you')),
    hasBlocks ? el('div', {class: 'blocks'}, blocks(e.blocks, {on: 'ephemeral', index}))
      : el('div', {class: 'mrkdwn text'}, mrkdwn(e.text, reader)));
}

// Messages (Slack ts, seconds) and ephemerals (milliseconds) in one time order.
function timeline(messages, ephemerals, inThread) {
  const items = messages.map(m => ({t: Number(m.ts) * 1000, node: () => message(m, inThread)}))
    .concat(ephemerals.map(([e, i]) => ({t: e.at, node: () => ephemeral(e, i)})));
  items.sort((a, b) => a.t - b.t);
  return items.map(i => i.node());
}

function openThread(channel, ts) {
  ui.thread = {channel, ts};
  render(true);
}

// ------------------------------------------------------------------ modal

function modal(v) {
  const box = $('modal');
  if (!v) { box.hidden = true; box.replaceChildren(); ui.modalKey = ''; return; }
  const key = v.id + '|' + v.view.hash + '|' + JSON.stringify(v.errors);
  if (key === ui.modalKey) return; // keep what the person is typing
  // The same window again (errors from the bot, or an update): Slack keeps what was typed in each input whose
  // block and action ids stay the same, so the person fixes one field instead of filling the form again.
  const typed = ui.modalKey.startsWith(v.id + '|') ? values(box) : null;
  ui.modalKey = key;
  const view = v.view;
  const where = {on: 'view', viewId: v.id};
  const body = el('div', {class: 'modal-body'}, (view.blocks || []).map(b => b.type !== 'input' ? blocks([b], where)
    : el('div', {class: 'input-block', 'data-block': b.block_id},
      el('label', {}, b.label.text + (b.optional ? ' (optional)' : '')), input(b.element, b.block_id),
      b.hint ? el('div', {class: 'hint'}, b.hint.text) : null,
      v.errors[b.block_id] ? el('div', {class: 'error'}, v.errors[b.block_id]) : null)));
  box.replaceChildren(el('div', {class: 'modal-box', role: 'dialog'},
    el('header', {}, view.title.text), body,
    el('footer', {},
      el('button', {class: 'btn', type: 'button', onclick: () => api.post('close', {viewId: v.id})}, (view.close || {text: 'Cancel'}).text),
      view.submit ? el('button', {class: 'btn primary', type: 'button', id: 'modal-submit',
        onclick: () => api.post('submit', {viewId: v.id, values: values(body)})}, view.submit.text) : null)));
  if (typed) keepTyped(body, typed);
  box.hidden = false;
}

function keepTyped(body, typed) {
  body.querySelectorAll('[data-block][data-action]').forEach(i => {
    const value = (typed[i.dataset.block] || {})[i.dataset.action];
    if (value === undefined) return;
    if (i.multiple) [...i.options].forEach(o => { o.selected = value.includes(o.value); });
    else i.value = value;
  });
}

function input(e, blockId) {
  const a = {'data-action': e.action_id, 'data-type': e.type, 'data-block': blockId};
  switch (e.type) {
    case 'plain_text_input': {
      const t = e.multiline ? el('textarea', Object.assign({rows: 4}, a)) : el('input', a);
      t.value = e.initial_value || '';
      if (e.placeholder) t.placeholder = e.placeholder.text;
      return t;
    }
    case 'static_select': case 'multi_static_select': {
      const s = el('select', Object.assign(e.type === 'multi_static_select' ? {multiple: ''} : {}, a),
        e.type === 'static_select' ? el('option', {value: ''}, (e.placeholder || {}).text || 'Choose…') : null,
        (e.options || []).concat(...(e.option_groups || []).map(g => g.options)).map(o => el('option', {value: o.value}, o.text.text)));
      const initial = (e.initial_options || []).concat(e.initial_option ? [e.initial_option] : []).map(o => o.value);
      [...s.options].forEach(o => { o.selected = initial.includes(o.value); });
      return s;
    }
    case 'users_select': {
      const s = el('select', a, el('option', {value: ''}, (e.placeholder || {}).text || 'Choose a person'),
        members().filter(m => !m.bot).map(m => el('option', {value: m.id}, m.name)));
      s.value = e.initial_user || '';
      return s;
    }
    case 'datepicker': {
      const d = el('input', Object.assign({type: 'date'}, a));
      d.value = e.initial_date || '';
      return d;
    }
    default: return el('span', {class: 'muted'}, '[' + e.type + ']');
  }
}

function values(body) {
  const out = {};
  body.querySelectorAll('[data-block][data-action]').forEach(i => {
    const block = out[i.dataset.block] = out[i.dataset.block] || {};
    block[i.dataset.action] = i.multiple ? [...i.selectedOptions].map(o => o.value) : i.value;
  });
  return out;
}

// ------------------------------------------------------------------ page

function render(force) {
  const s = ui.state;
  if (!s) return;
  const memberSelect = $('member');
  if (!memberSelect.options.length || force) {
    memberSelect.replaceChildren(...s.members.filter(m => !m.bot).map(m => el('option', {value: m.id}, m.name)));
  }
  memberSelect.value = ui.me;
  $('member-tz').textContent = 'Time zone: ' + meTz();
  if (!s.conversations.some(c => c.id === ui.conversation)) ui.conversation = s.conversations[0].id;
  $('conversations').replaceChildren(...s.conversations.map(c => el('a', {
    class: c.id === ui.conversation ? 'active' : '', 'data-conversation': c.kind,
    onclick: () => { ui.conversation = c.id; ui.thread = null; render(true); }}, c.kind === 'im' ? '💬 ' + c.label : c.label)));
  const conv = s.conversations.find(c => c.id === ui.conversation);
  $('conversation-title').textContent = conv.label + (conv.kind === 'im' ? ' (your DM with the bot)' : '');
  const mine = s.ephemerals.map((e, i) => [e, i]);
  const scroll = $('messages');
  const atBottom = scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight < 40;
  scroll.replaceChildren(...timeline(conv.messages, mine.filter(([e]) => e.channel === conv.id && !e.threadTs), false));
  if (atBottom || force) scroll.scrollTop = scroll.scrollHeight;

  const parent = ui.thread && conv.messages.find(m => m.ts === ui.thread.ts);
  $('thread').hidden = !parent;
  if (parent) {
    // Like Slack, the thread follows the conversation (a reply and the bot's next question come into view) unless
    // the person has scrolled up to read.
    const pane = $('thread-messages');
    const following = force || ui.thread.follow || pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
    pane.replaceChildren(message(parent, true),
      ...timeline(parent.replies || [], mine.filter(([e]) => e.channel === conv.id && e.threadTs === parent.ts), true));
    if (following) pane.scrollTop = pane.scrollHeight;
    ui.thread.follow = false;
  }
  const views = s.views;
  modal(views.length ? views[views.length - 1] : null);
}

async function refresh() {
  try {
    const json = await api.state(ui.me);
    if (json === ui.lastJson) return;
    ui.lastJson = json;
    ui.state = JSON.parse(json);
    render(false);
  } catch (e) {
    showNotice('The sandbox is not answering: ' + e, true);
  }
}

async function send(input, threadTs) {
  // a leading space is kept: in Slack it is what turns "/…" from a command into a message
  const text = input.value.replace(/\s+$/, '');
  if (!text.trim()) return;
  input.value = '';
  if (threadTs && ui.thread) ui.thread.follow = true; // one's own reply always comes into view
  const answer = await api.post('send', {channel: ui.conversation, threadTs, text});
  // as Slack does when it refuses a message (an unknown /command): the text stays in the composer
  if (!answer.ok && !input.value) input.value = text;
}

$('composer').addEventListener('submit', e => { e.preventDefault(); send($('composer-text'), null); });
$('thread-composer').addEventListener('submit', e => { e.preventDefault(); send($('thread-text'), ui.thread && ui.thread.ts); });
$('thread-close').addEventListener('click', () => { ui.thread = null; render(true); });
$('member').addEventListener('change', e => {
  ui.me = e.target.value;
  localStorage.setItem('sandbox.me', ui.me);
  ui.lastJson = '';
  // The channel and its open thread are the same for everyone: stay there. A DM is the member's own.
  const inChannel = ui.state && ui.state.conversations.some(c => c.id === ui.conversation && c.kind === 'channel');
  if (!inChannel) {
    ui.conversation = null;
    ui.thread = null;
  }
  refresh();
});
$('digests').addEventListener('click', () => api.post('digests'));
$('reset').addEventListener('click', () => {
  if (window.confirm('Reset the sandbox? Every COE, message and action item of the sandbox is forgotten.')) {
    ui.thread = null;
    api.post('reset');
  }
});

refresh();
setInterval(refresh, 700);
