/* The home page: map, timeline and the events table.
   Part of the report's script, after report.js in one function scope (page.py, JS_PARTS). */
  /* ---- map: equirectangular, x = longitude, y = -latitude; zoom by viewBox ---- */
  var MAP = (function () {
    var node = document.getElementById('map-svg');
    var pick = document.getElementById('map-pick');
    var tip = document.getElementById('map-tip');
    var land = svg('g', { class: 'land' });
    var dots = svg('g', { class: 'dots' });
    var view = { x: -180, y: -84, w: 360, h: 144 };
    var shown = [];
    S.shapes.forEach(function (c) { land.appendChild(svg('path', { d: c.d }, svg('title', { text: c.name }))); });
    append(node, [land, dots]);

    function pxPerUnit() { var r = node.getBoundingClientRect(); return Math.min(r.width / view.w, r.height / view.h) || 1; }
    function radius(e) { return 3.5 + 1.6 * Math.sqrt(Math.min(e.fatalities || 0, 250)); }  // pixels; the same in every report
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
        frag.appendChild(svg('circle', { cx: e.longitude, cy: -e.latitude, fill: colour(e), 'data-n': n, 'data-event': e.event_id }));
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
          describe(e)]);
      })));
      pick.style.left = Math.min(ev.clientX - wrap.left + 8, wrap.width - 240) + 'px';
      pick.style.top = (ev.clientY - wrap.top + 8) + 'px';
      pick.hidden = false;
    }
    function describe(e) { return words(e.event_type) + ', ' + place(e) + ', ' + (e.event_date || 'no date') + (e.fatalities ? ', ' + e.fatalities + ' killed' : ''); }
    // one tooltip for all points: 10,000 <title> elements would slow the first drawing
    dots.addEventListener('mouseover', function (ev) {
      var wrap = node.parentNode.getBoundingClientRect(), e = shown[Number(ev.target.getAttribute('data-n'))];
      if (!e) return;
      tip.textContent = describe(e);
      tip.hidden = false;
      tip.style.left = Math.max(0, Math.min(ev.clientX - wrap.left + 12, wrap.width - tip.offsetWidth)) + 'px';
      tip.style.top = (ev.clientY - wrap.top + 14) + 'px';
    });
    dots.addEventListener('mouseout', function () { tip.hidden = true; });
    function click(ev) {
      tip.hidden = true;
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
        var w = Math.min(Math.max(bw * 0.8, 1), 48);  // a few days: bars, not walls
        g.appendChild(svg('rect', { class: 'bar', x: x + (bw - w) / 2, width: w, y: y, height: n * scale, fill: COLOURS[t] }));
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

