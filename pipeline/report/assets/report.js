/* newsevents audit report: plain JavaScript and SVG, no library, no network.
   Data: #summary (parsed now) and #details (article texts and facts, parsed on the first
   event opened). Pages: the home page (overview, filters, map, timeline, table) and
   #event/ID (one event, its claims and its articles with every fact highlighted). */
(function () {
  'use strict';
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

  /* ---- map: equirectangular, x = longitude, y = -latitude; zoom by viewBox ---- */
  var MAP = (function () {
    var node = document.getElementById('map-svg');
    var pick = document.getElementById('map-pick');
    var land = svg('g', { class: 'land' });
    var dots = svg('g', { class: 'dots' });
    var view = { x: -180, y: -84, w: 360, h: 144 };
    var shown = [];
    S.shapes.forEach(function (c) { land.appendChild(svg('path', { d: c.d }, svg('title', { text: c.name }))); });
    append(node, [land, dots]);

    function pxPerUnit() { var r = node.getBoundingClientRect(); return Math.min(r.width / view.w, r.height / view.h) || 1; }
    function radius(e) { return 3.5 + 2.2 * Math.sqrt(Math.min(e.fatalities || 0, 400)); }
    function apply() {
      node.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
      var k = pxPerUnit();
      for (var i = 0; i < dots.childNodes.length; i++) {
        var c = dots.childNodes[i];
        c.setAttribute('r', radius(shown[Number(c.getAttribute('data-n'))]) / k);
      }
    }
    function setView(x, y, w, h) {
      var r = node.getBoundingClientRect(), aspect = (r.width / r.height) || 2.5;
      if (w / h < aspect) { var nw = h * aspect; x -= (nw - w) / 2; w = nw; } else { var nh = w / aspect; y -= (nh - h) / 2; h = nh; }
      view = { x: x, y: y, w: w, h: h };
      apply();
    }
    function fit() {
      var xs = [], ys = [];
      shown.forEach(function (e) { xs.push(e.longitude); ys.push(-e.latitude); });
      if (!xs.length) return setView(-180, -84, 360, 144);
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var w = Math.max((x1 - x0) * 1.3, 60), h = Math.max((y1 - y0) * 1.3, 30);  // a region around a lone event
      setView((x0 + x1 - w) / 2, (y0 + y1 - h) / 2, w, h);
    }
    function zoom(factor, cx, cy) {
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      var w = Math.min(Math.max(view.w * factor, 2), 720);
      var h = view.h * (w / view.w);
      view = { x: cx - (cx - view.x) * (w / view.w), y: cy - (cy - view.y) * (w / view.w), w: w, h: h };
      apply();
    }
    function toMap(ev) {
      var r = node.getBoundingClientRect(), k = pxPerUnit();
      var ox = (r.width - view.w * k) / 2, oy = (r.height - view.h * k) / 2;
      return { x: view.x + (ev.clientX - r.left - ox) / k, y: view.y + (ev.clientY - r.top - oy) / k };
    }
    function draw(list, refit) {
      shown = list.filter(function (e) { return e.latitude !== null && e.longitude !== null; });
      shown.sort(function (a, b) { return (b.fatalities || 0) - (a.fatalities || 0); });
      var frag = document.createDocumentFragment();
      shown.forEach(function (e, n) {
        frag.appendChild(svg('circle', { cx: e.longitude, cy: -e.latitude, fill: colour(e), 'data-n': n, 'data-event': e.event_id },
          svg('title', { text: words(e.event_type) + ', ' + place(e) + ', ' + (e.event_date || 'no date') + (e.fatalities ? ', ' + e.fatalities + ' killed' : '') })));
      });
      clear(dots).appendChild(frag);
      pick.hidden = true;
      document.getElementById('map-note').textContent = fmt(shown.length) + ' events on the map' +
        (list.length > shown.length ? ', ' + fmt(list.length - shown.length) + ' without coordinates' : '');
      if (refit) fit(); else apply();
    }
    function choose(ev, hits) {
      var wrap = node.parentNode.getBoundingClientRect();
      clear(pick);
      append(pick, [el('b', { text: hits.length + ' events here' })].concat(hits.slice(0, 30).map(function (e) {
        return el('a', { href: eventLink(e) }, [el('span', { class: 'swatch', style: 'background:' + colour(e) }),
          words(e.event_type) + ', ' + (e.event_date || 'no date') + (e.fatalities ? ', ' + e.fatalities + ' killed' : '')]);
      })));
      pick.style.left = Math.min(ev.clientX - wrap.left + 8, wrap.width - 240) + 'px';
      pick.style.top = (ev.clientY - wrap.top + 8) + 'px';
      pick.hidden = false;
    }
    function click(ev) {
      if (ev.target.tagName !== 'circle') { pick.hidden = true; return; }
      var p = toMap(ev), k = pxPerUnit();
      var hits = shown.filter(function (e) {
        var dx = e.longitude - p.x, dy = -e.latitude - p.y;
        return Math.sqrt(dx * dx + dy * dy) * k <= radius(e) + 1;
      });
      if (hits.length <= 1) location.hash = eventLink(shown[Number(ev.target.getAttribute('data-n'))]);
      else choose(ev, hits);
    }
    var drag = null;
    node.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false }; });
    window.addEventListener('mousemove', function (ev) {
      if (!drag) return;
      var k = pxPerUnit(), dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.x = drag.vx - dx / k; view.y = drag.vy - dy / k;
      node.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
    });
    window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });
    node.addEventListener('click', function (ev) { if (!(drag && drag.moved)) click(ev); });
    node.addEventListener('wheel', function (ev) { ev.preventDefault(); var p = toMap(ev); zoom(ev.deltaY > 0 ? 1.25 : 0.8, p.x, p.y); }, { passive: false });
    document.querySelector('.map-tools').addEventListener('click', function (ev) {
      var z = ev.target.getAttribute('data-zoom');
      if (z === 'in') zoom(0.67); else if (z === 'out') zoom(1.5); else if (z === 'fit') fit(); else if (z === 'world') setView(-180, -84, 360, 144);
    });
    return { draw: draw, fit: fit };
  })();

  function drawLegend() {
    append(clear(document.getElementById('type-legend')), TYPES.map(function (t) {
      return el('span', {}, [el('span', { class: 'swatch', style: 'background:' + COLOURS[t] }), words(t)]);
    }));
  }

  /* ---- timeline: events per day (or week, or month) by type, stacked ---- */
  function dayNumber(iso) { return Math.floor(Date.parse(iso + 'T00:00:00Z') / 86400000); }
  function isoOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function bucketing(first, last) {
    var span = last - first;
    if (span <= 92) return { name: 'day', start: function (d) { return d; }, next: function (d) { return d + 1; } };
    if (span <= 3 * 365) return { name: 'week', start: function (d) { return d - ((d + 3) % 7); }, next: function (d) { return d + 7; } };  // Monday
    return { name: 'month', start: function (d) { return dayNumber(isoOf(d).slice(0, 8) + '01'); },
      next: function (d) { var t = new Date(d * 86400000); return Math.floor(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / 86400000); } };
  }
  function drawTimeline(list) {
    var node = clear(document.getElementById('timeline-svg'));
    var dated = list.filter(function (e) { return e.event_date; });
    var note = document.getElementById('timeline-note');
    if (!dated.length) { note.textContent = 'no dated event'; return; }
    var days = dated.map(function (e) { return dayNumber(e.event_date); });
    var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
    var b = bucketing(first, last), buckets = [], index = {};
    for (var d = b.start(first); d <= last; d = b.next(d)) { index[d] = buckets.length; buckets.push({ day: d, end: b.next(d) - 1, n: 0, by: {} }); }
    dated.forEach(function (e, i) {
      var k = buckets[index[b.start(days[i])]];
      k.n += 1; k.by[typeOf(e)] = (k.by[typeOf(e)] || 0) + 1;
    });
    note.textContent = 'events per ' + b.name + ' by type' + (list.length > dated.length ? ', ' + fmt(list.length - dated.length) + ' without a date' : '') + '; click a bar to filter to it';
    var W = Math.max(node.getBoundingClientRect().width, 300), H = 210, left = 36, bottom = 22, top = 8;
    node.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var max = Math.max.apply(null, buckets.map(function (k) { return k.n; }));
    var bw = (W - left - 8) / buckets.length, scale = (H - top - bottom) / max;
    append(node, [svg('line', { x1: left, x2: W - 8, y1: H - bottom, y2: H - bottom, stroke: '#9aa6b5' }),
      svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', text: fmt(max) }),
      svg('text', { x: left - 6, y: H - bottom, 'text-anchor': 'end', text: '0' })]);
    buckets.forEach(function (k, i) {
      var y = H - bottom, x = left + i * bw;
      var g = svg('g', { class: 'bucket', 'data-day': isoOf(k.day), onclick: function () { filterTo(k); } }, svg('title', { text: tipOf(k, b.name) }));
      TYPES.forEach(function (t) {
        var n = k.by[t] || 0; if (!n) return;
        y -= n * scale;
        g.appendChild(svg('rect', { class: 'bar', x: x + bw * 0.1, width: Math.max(bw * 0.8, 1), y: y, height: n * scale, fill: COLOURS[t] }));
      });
      node.appendChild(g);
    });
    var step = Math.max(1, Math.ceil(buckets.length / Math.floor((W - left) / 90)));
    for (var i = 0; i < buckets.length; i += step) node.appendChild(svg('text', { x: left + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle', text: isoOf(buckets[i].day) }));
  }
  function tipOf(k, name) {
    var head = (name === 'day' ? isoOf(k.day) : isoOf(k.day) + ' to ' + isoOf(k.end)) + ': ' + k.n + ' event(s)';
    return [head].concat(Object.keys(k.by).map(function (t) { return words(t) + ' ' + k.by[t]; })).join('\n');
  }
  function filterTo(k) { setFilter('from', isoOf(k.day)); setFilter('to', isoOf(k.end)); page = 0; refresh(false); }

  /* ---- events table: sorted, filtered, paged ---- */
  var COLUMNS = [
    ['event_date', 'Date'], ['event_type', 'Type'], ['sub_event_type', 'Sub-type'], ['country', 'Country'],
    ['location', 'Location'], ['killed_best', 'Killed', 1], ['injured_best', 'Injured', 1],
    ['arrested_best', 'Arrested', 1], ['n_sources', 'Sources', 1], ['event_id', 'Event']
  ];
  function compare(a, b) {
    var x = a[sort.key], y = b[sort.key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;  // missing values last, whatever the order
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sort.dir;
  }
  function drawTable(list) {
    var table = document.getElementById('events-table');
    var head = clear(table.tHead), body = clear(table.tBodies[0]);
    head.appendChild(el('tr', {}, COLUMNS.map(function (c) {
      var cls = (c[2] ? 'num ' : '') + (sort.key === c[0] ? 'sorted' + (sort.dir > 0 ? ' asc' : '') : '');
      return el('th', { class: cls, 'data-key': c[0], text: c[1], title: 'sort by ' + c[1].toLowerCase() });
    })));
    var rows = list.slice().sort(compare);
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (e) {
      body.appendChild(el('tr', { 'data-event': e.event_id }, COLUMNS.map(function (c) {
        var v = e[c[0]];
        if (c[0] === 'event_type') return el('td', {}, [el('span', { class: 'swatch', style: 'background:' + colour(e) }), words(v)]);
        return el('td', { class: c[2] ? 'num' : '', text: c[2] ? fmt(v) : c[0] === 'event_id' ? v : words(v) });
      })));
    });
    if (!rows.length) body.appendChild(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'muted', text: 'No event matches the filters.' })));
    document.getElementById('page-note').textContent = 'page ' + (page + 1) + ' of ' + pages;
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page >= pages - 1;
    document.getElementById('table-note').textContent = fmt(rows.length) + ' events, ' + PAGE_SIZE + ' a page; click a row to open it';
  }
  function bindTable() {
    var table = document.getElementById('events-table');
    table.tHead.addEventListener('click', function (ev) {
      var key = ev.target.getAttribute('data-key'); if (!key) return;
      sort = { key: key, dir: sort.key === key ? -sort.dir : (key === 'event_id' || key === 'country' || key === 'location' ? 1 : -1) };
      drawTable(filtered());
    });
    table.tBodies[0].addEventListener('click', function (ev) {
      var tr = ev.target.closest('tr[data-event]'); if (tr) location.hash = '#event/' + encodeURIComponent(tr.getAttribute('data-event'));
    });
    document.getElementById('prev').addEventListener('click', function () { page -= 1; drawTable(filtered()); });
    document.getElementById('next').addEventListener('click', function () { page += 1; drawTable(filtered()); });
  }

  /* ---- event page ---- */
  function dl(pairs) {
    var out = el('dl', { class: 'facts-grid' });
    pairs.forEach(function (p) { if (p[1] !== null && p[1] !== undefined && p[1] !== '') append(out, [el('dt', { text: p[0] }), el('dd', { text: String(p[1]) })]); });
    return out;
  }
  function countsTable(e) {
    var rows = ['killed', 'injured', 'arrested'].map(function (c) {
      return el('tr', {}, [el('td', { text: c }), el('td', { text: fmt(e[c + '_low']) }), el('td', { text: fmt(e[c + '_best']) }),
        el('td', { text: e[c + '_best'] !== null && e[c + '_high'] === null ? 'open' : fmt(e[c + '_high']) })]);
    });
    return el('table', { class: 'counts' }, [el('thead', {}, el('tr', {}, ['', 'low', 'best', 'high'].map(function (h) { return el('th', { text: h }); }))), el('tbody', {}, rows)]);
  }
  function eventSummary(e) {
    var actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
    return dl([
      ['Type', words(e.event_type) + (e.sub_event_type ? ' / ' + words(e.sub_event_type) : '')],
      ['Date', (e.event_date || 'unknown') + (e.date_low && e.date_high && e.date_low !== e.date_high ? ' (' + e.date_low + ' to ' + e.date_high + ')' : '') + (e.date_basis ? ', from the ' + e.date_basis : '')],
      ['Place', place(e) + (e.latitude !== null ? ' (' + e.latitude + ', ' + e.longitude + ')' : '') + (e.geo_precision ? ', precision ' + e.geo_precision : '')],
      ['Actors', actors], ['Sources', e.n_sources], ['Persons', e.persons], ['Victim ages', e.victim_ages],
      ['Published', e.published], ['Event id', e.event_id]]);
  }
  function articleIds(e) { return (e.article_ids || '').split(';').filter(Boolean); }

  function claimRows(e) {
    var rows = [];
    articleIds(e).forEach(function (aid) {
      var d = getDetails()[aid]; if (!d) return;
      d.facts.forEach(function (f, i) { if (f.kind === 'casualty') rows.push({ aid: aid, f: f, i: i }); });
    });
    var evidence = e.evidence || '';
    return rows.map(function (r) {
      var f = r.f, inEvidence = f.sentence && evidence.indexOf(f.sentence) >= 0;
      var flags = ['qualifier', 'supersedes_prior', 'partitive', 'perpetrator', 'includes_killed'].filter(function (k) { return f[k]; })
        .map(function (k) { return k === 'qualifier' ? '"' + f[k] + '"' : words(k); }).join(', ');
      return el('tr', { class: inEvidence ? 'in-evidence' : '', title: inEvidence ? "this sentence is in the event's evidence" : '' }, [
        el('td', { text: f.outcome }), el('td', { class: 'num', text: fmt(f.count_low) }), el('td', { class: 'num', text: fmt(f.count_best) }),
        el('td', { class: 'num', text: f.count_high === null ? 'open' : fmt(f.count_high) }), el('td', { text: [f.victims, f.victim_type && f.victim_type !== 'unknown' ? '(' + words(f.victim_type) + ')' : ''].join(' ') }),
        el('td', { text: flags }), el('td', { class: 'sentence' }, [el('a', { href: '#', 'data-jump': r.aid + ':' + r.i, text: f.text }), ' in: ', f.sentence || ''])]);
    });
  }
  function claimsTable(e) {
    var rows = claimRows(e);
    if (!rows.length) return el('p', { class: 'muted', text: 'No casualty claim in its articles.' });
    var head = ['outcome', 'low', 'best', 'high', 'victims', 'qualifier and flags', 'claim (click to see it in the text)'];
    return el('div', { class: 'table-wrap' }, el('table', { class: 'claims' }, [el('thead', {}, el('tr', {}, head.map(function (h) { return el('th', { text: h }); }))), el('tbody', {}, rows)]));
  }

  /* The text with every fact at its span: spans come laminar (nested or apart) and sorted by
     start, longer first, so a stack of open <mark>s nests them. */
  function highlighted(text, spans, facts, aid) {
    var root = el('div', { class: 'article-text' });
    var stack = [{ node: root, end: text.length, labels: [] }], cursor = 0;
    function closeTo(pos) {
      while (stack.length > 1 && stack[stack.length - 1].end <= pos) {
        var top = stack.pop();
        top.node.appendChild(document.createTextNode(text.slice(cursor, top.end)));
        cursor = top.end;
      }
    }
    spans.forEach(function (s) {
      closeTo(s[0]);
      var parent = stack[stack.length - 1];
      parent.node.appendChild(document.createTextNode(text.slice(cursor, s[0])));
      cursor = s[0];
      var labels = parent.labels.concat([facts[s[3]].label]);
      var mark = el('mark', { class: 'hl k-' + S.kinds[s[2]], 'data-f': aid + ':' + s[3], title: labels.slice().reverse().join('\n') });
      parent.node.appendChild(mark);
      stack.push({ node: mark, end: s[1], labels: labels });
    });
    closeTo(text.length + 1);
    root.appendChild(document.createTextNode(text.slice(cursor)));
    return root;
  }
  function kindLegend() {
    return el('div', { class: 'kinds' }, ['Highlighted facts: '].concat(S.kinds.map(function (k) { return el('mark', { class: 'hl k-' + k, text: k }); })).concat(['(hover a highlight for what was read)']));
  }
  function articleBlock(aid) {
    var a = S.articles[aid] || {}, d = getDetails()[aid];
    var head = el('h3', { text: a.title || aid });
    var meta = el('div', { class: 'muted', text: [a.source, a.published ? 'published ' + a.published : '', a.status, a.copy_of ? 'copy of ' + a.copy_of : '', a.facts !== undefined ? a.facts + ' facts' : ''].filter(Boolean).join(' · ') });
    var block = el('div', { class: 'article', id: 'article-' + aid }, [head, meta]);
    if (!d) return append(block, el('div', { class: 'warn', text: 'This article is not among the articles the run read.' })), block;
    if (d.text === null) { append(block, el('div', { class: 'warn', text: 'Text unavailable: ' + d.missing })); return block; }
    if (d.misplaced.length) append(block, el('div', { class: 'warn', text: d.misplaced.length + ' fact(s) do not match the text at their offsets (was the input file changed since the run?): ' + d.misplaced.map(function (i) { return d.facts[i].text; }).join('; ') }));
    append(block, highlighted(d.text, d.spans, d.facts, aid));
    return block;
  }
  function drawEvent(id) {
    var e = BY_ID[id], box = clear(document.getElementById('event-page'));
    append(box, el('a', { class: 'back', href: '#events', text: '\u2190 All events' }));
    if (!e) { append(box, el('section', {}, el('p', { text: 'No event ' + id + ' in this report.' }))); return; }
    var title = el('h2', {}, [el('span', { class: 'swatch', style: 'background:' + colour(e) }), words(e.event_type) + ' \u2014 ' + place(e) + ' \u2014 ' + (e.event_date || 'no date')]);
    append(box, [
      el('section', {}, [title, el('div', { class: 'cols' }, [eventSummary(e), el('div', {}, [el('h3', { text: 'Reconciled counts' }), countsTable(e)])]),
        e.notes ? el('p', { class: 'muted', text: 'Notes: ' + e.notes }) : null]),
      el('section', { id: 'claims' }, [el('h2', { text: 'Casualty claims in its articles' }),
        el('p', { class: 'muted', text: "Every casualty fact read in the event's articles; a marked row's sentence is in the event's evidence. An article that reports several events lists its claims under each." }), claimsTable(e)]),
      el('section', { id: 'sources' }, [el('h2', { text: 'Source articles (' + articleIds(e).length + ')' }), kindLegend()].concat(articleIds(e).map(articleBlock)))]);
    window.scrollTo(0, 0);
  }
  function jump(ev) {
    var key = ev.target.getAttribute('data-jump'); if (!key) return;
    ev.preventDefault();
    var mark = document.querySelector('mark[data-f="' + key.replace(/"/g, '\\"') + '"]'); if (!mark) return;
    mark.scrollIntoView({ block: 'center' }); mark.classList.add('flash');
    setTimeout(function () { mark.classList.remove('flash'); }, 1500);
  }

  /* ---- pages ---- */
  var homeDrawn = false;
  function route() {
    var m = /^#event\/(.+)$/.exec(location.hash);
    document.getElementById('home').hidden = !!m;
    document.getElementById('event-page').hidden = !m;
    if (m) { drawEvent(decodeURIComponent(m[1])); return; }
    if (!homeDrawn) { homeDrawn = true; refresh(true); }  // drawn once visible: the map needs its size
    var target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }

  document.getElementById('run-name').textContent = S.run + ' \u00b7 made ' + S.generated;
  document.getElementById('version').textContent = S.version;
  drawOverview(); drawLegend(); buildFilters(); bindTable();
  document.getElementById('event-page').addEventListener('click', jump);
  window.addEventListener('hashchange', route);
  route();
  window.addEventListener('resize', function () { if (homeDrawn) drawTimeline(filtered()); });
  document.body.setAttribute('data-ready', '1');
})();
