/* newsevents audit report: plain JavaScript and SVG, no library, no network.
   Data: #summary (parsed now) and #details (article texts and facts, parsed on the first
   event opened). Pages: the home page (overview, filters, map, timeline, table) and
   #event/ID (one event, its claims and its articles with every fact highlighted).
   This file: data, helpers, filters and the overview; home.js and event.js follow it in the
   same function scope (pipeline/report/page.py joins them, JS_PARTS). */
  var S = JSON.parse(document.getElementById('summary').textContent);
  var details = null;
  var SVG = 'http://www.w3.org/2000/svg';
  var PAGE_SIZE = 50;
  var KNOWN_TYPES = {
    battles: '#c0392b', violence_against_civilians: '#8e44ad', explosions_remote_violence: '#d35400',
    riots: '#e6a100', protests: '#2980b9', strategic_developments: '#16a085'
  };
  var SPARE = ['#7f8c8d', '#2c3e50', '#27ae60', '#e84393', '#6c5ce7', '#a0522d'];

  function getDetails() {
    if (!details) details = JSON.parse(document.getElementById('details').textContent);
    return details;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAll(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    setAll(node, attrs);
    append(node, children);
    return node;
  }
  function setAll(node, attrs) {
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined) continue;
      if (k === 'text') node.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
  }
  function append(node, children) {
    [].concat(children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function fmt(n) { return n === null || n === undefined ? '' : Number(n).toLocaleString('en'); }
  function words(s) { return s ? String(s).replace(/_/g, ' ') : ''; }

  /* ---- events ---- */
  var EVENTS = S.events.rows.map(function (row, i) {
    var e = { _i: i };
    S.events.columns.forEach(function (c, j) { e[c] = row[j]; });
    return e;
  });
  var BY_ID = {};
  EVENTS.forEach(function (e) { BY_ID[e.event_id] = e; });
  var TYPES = Object.keys(S.overview.types);
  var COLOURS = {};
  TYPES.forEach(function (t, i) { COLOURS[t] = KNOWN_TYPES[t] || SPARE[i % SPARE.length]; });
  function typeOf(e) { return e.event_type || 'unknown'; }
  function colour(e) { return COLOURS[typeOf(e)] || '#7f8c8d'; }
  function eventLink(e) { return '#event/' + encodeURIComponent(e.event_id); }
  function place(e) { return [e.location, e.admin1, e.country].filter(Boolean).join(', ') || 'place unknown'; }

  /* ---- filters (shared by map, timeline and table) ---- */
  var F = { type: '', country: '', from: '', to: '', killed: '', sources: '', text: '' };
  var sort = { key: 'event_date', dir: -1 };
  var page = 0;

  function matches(e) {
    if (F.type && typeOf(e) !== F.type) return false;
    if (F.country && (e.country || '') !== F.country) return false;
    if (F.from && (!e.event_date || e.event_date < F.from)) return false;
    if (F.to && (!e.event_date || e.event_date > F.to)) return false;
    if (F.killed !== '' && (e.killed_best || 0) < Number(F.killed)) return false;
    if (F.sources !== '' && (e.n_sources || 0) < Number(F.sources)) return false;
    if (F.text) {
      var hay = [e.location, e.admin1, e.actor1, e.actor2, e.notes, e.event_id, e.sub_event_type].join(' ').toLowerCase();
      if (hay.indexOf(F.text.toLowerCase()) < 0) return false;
    }
    return true;
  }
  function filtered() { return EVENTS.filter(matches); }

  function buildFilters() {
    var box = clear(document.getElementById('filters'));
    var countries = {};
    EVENTS.forEach(function (e) { if (e.country) countries[e.country] = 1; });
    function select(key, label, values) {
      var s = el('select', { 'data-filter': key }, [el('option', { value: '', text: 'all' })].concat(
        values.map(function (v) { return el('option', { value: v, text: words(v) }); })));
      return el('label', {}, [label, s]);
    }
    function input(key, label, type, extra) {
      return el('label', {}, [label, el('input', Object.assign({ type: type, 'data-filter': key }, extra || {}))]);
    }
    append(box, [
      select('type', 'Type', TYPES), select('country', 'Country', Object.keys(countries).sort()),
      input('from', 'From', 'date'), input('to', 'To', 'date'),
      input('killed', 'Killed at least', 'number', { min: 0 }), input('sources', 'Sources at least', 'number', { min: 1 }),
      input('text', 'Place, actor, notes', 'search', { placeholder: 'search' }),
      el('button', { type: 'button', id: 'reset', text: 'Reset', onclick: resetFilters }),
      el('span', { class: 'count', id: 'filter-count' })
    ]);
    var timer = null;
    box.addEventListener('input', function (ev) {
      var key = ev.target.getAttribute('data-filter');
      if (!key) return;
      F[key] = ev.target.value;
      clearTimeout(timer);
      timer = setTimeout(function () { page = 0; refresh(false); }, 120);
    });
  }
  function resetFilters() {
    Object.keys(F).forEach(function (k) { F[k] = ''; });
    document.querySelectorAll('[data-filter]').forEach(function (n) { n.value = ''; });
    page = 0; refresh(true);
  }
  function setFilter(key, value) {
    F[key] = value;
    var node = document.querySelector('[data-filter="' + key + '"]');
    if (node) node.value = value;
  }

  function refresh(refit) {
    var list = filtered();
    document.getElementById('filter-count').textContent = fmt(list.length) + ' of ' + fmt(EVENTS.length) + ' events';
    MAP.draw(list, refit);
    drawTimeline(list);
    drawTable(list);
  }

  /* ---- overview ---- */
  function card(value, label, cls) { return el('div', { class: 'card ' + (cls || '') }, [el('b', { text: fmt(value) }), el('span', { text: label })]); }

  function drawOverview() {
    var o = S.overview;
    var body = clear(document.getElementById('overview-body'));
    var cards = el('div', { class: 'cards' }, [card(o.read, 'articles read')]);
    var statuses = ['ok', 'empty', 'failed'].concat(Object.keys(o.statuses).filter(function (s) { return ['ok', 'empty', 'failed'].indexOf(s) < 0; }));
    statuses.forEach(function (s) {
      append(cards, card(o.statuses[s] || 0, s, s === 'failed' && o.statuses[s] ? 'bad' : ''));
    });
    append(cards, [card(o.events, 'events'), card(o.totals.killed, 'killed'),
      card(o.totals.injured, 'injured'), card(o.totals.arrested, 'arrested')]);
    var max = Math.max.apply(null, [1].concat(TYPES.map(function (t) { return o.types[t]; })));
    var bars = el('div', { class: 'bars' }, TYPES.map(function (t) {
      return el('div', {}, [el('span', {}, [el('span', { class: 'swatch', style: 'background:' + COLOURS[t] }), words(t)]),
        el('i', { style: 'width:' + (100 * o.types[t] / max) + '%;background:' + COLOURS[t] }), el('em', { text: fmt(o.types[t]) })]);
    }));
    var kinds = el('div', { class: 'bars' }, S.kinds.map(function (k) {
      var n = o.facts[k] || 0;
      return el('div', {}, [el('span', { text: k }), el('i', { style: 'width:' + (100 * n / Math.max(1, maxOf(o.facts))) + '%;background:var(--' + k + '-ink)' }), el('em', { text: fmt(n) })]);
    }));
    append(body, [cards, el('div', { class: 'cols' }, [
      el('div', {}, [el('h3', { text: 'Events by type' }), TYPES.length ? bars : el('p', { class: 'muted', text: 'No event.' })]),
      el('div', {}, [el('h3', { text: 'Facts by kind' }), kinds])])]);
    o.unavailable.forEach(function (m) { append(body, el('div', { class: 'warn', text: 'Article text unavailable: ' + m })); });
    if (o.problems.length) append(body, problemList(o.problems));
  }
  function maxOf(obj) { return Math.max.apply(null, [0].concat(Object.keys(obj).map(function (k) { return obj[k]; }))); }
  function problemList(problems) {
    var rows = problems.map(function (p) {
      return el('tr', {}, [el('td', { text: p.status }), el('td', { text: p.source }), el('td', { text: p.error || '' })]);
    });
    return el('details', { open: problems.length <= 10 ? '' : null }, [
      el('summary', { text: problems.length + ' article(s) failed or empty, with the reason' }),
      el('div', { class: 'problems' }, el('table', {}, [el('thead', {}, el('tr', {}, [el('th', { text: 'status' }), el('th', { text: 'source' }), el('th', { text: 'error' })])), el('tbody', {}, rows)]))]);
  }

