/* The event page, and the routing between the two pages.
   Part of the report's script, after report.js in one function scope (page.py, JS_PARTS). */
  /* ---- event page ---- */
  function dl(pairs) {
    var out = el('dl', { class: 'facts-grid' });
    pairs.forEach(function (p) { if (p[1] !== null && p[1] !== undefined && p[1] !== '') append(out, [el('dt', { text: p[0] }), el('dd', { text: String(p[1]) })]); });
    return out;
  }
  var PRECISION = { 1: 'the place itself', 2: 'near or part of the place', 3: 'only the region or country' };  // ACLED geo_precision
  function dash(v) { return v === null || v === undefined ? '\u2014' : fmt(v); }
  function countsTable(e) {
    var rows = ['killed', 'injured', 'arrested'].map(function (c) {
      var none = e[c + '_best'] === null || e[c + '_best'] === undefined;
      return el('tr', {}, [el('td', { text: c }), el('td', { text: dash(e[c + '_low']) }), el('td', { text: none ? 'not reported' : fmt(e[c + '_best']) }),
        el('td', { text: !none && e[c + '_high'] === null ? 'no upper bound' : dash(e[c + '_high']) })]);
    });
    return el('table', { class: 'counts' }, [el('thead', {}, el('tr', {}, ['', 'low', 'best', 'high'].map(function (h) { return el('th', { text: h }); }))), el('tbody', {}, rows)]);
  }
  function eventSummary(e) {
    var actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
    return dl([
      ['Type', words(e.event_type) + (e.sub_event_type ? ' / ' + words(e.sub_event_type) : '')],
      ['Date', (e.event_date || 'unknown') + (e.date_low && e.date_high && e.date_low !== e.date_high ? ' (' + e.date_low + ' to ' + e.date_high + ')' : '') + (e.date_basis ? ', from the ' + e.date_basis : '')],
      ['Place', place(e) + (e.latitude !== null ? ' (' + e.latitude + ', ' + e.longitude + ')' : '') + (e.geo_precision ? ', ' + (PRECISION[e.geo_precision] || 'precision ' + e.geo_precision) : '')],
      ['Actors', actors], ['Sources', e.n_sources], ['Persons', e.persons], ['Victim ages', e.victim_ages], ['Victim sexes', e.victim_sexes], ['Street blocks', e.street_blocks], ['Clock times', e.clock_times],
      ['Published', e.published], ['Event id', e.event_id]]);
  }
  function articleIds(e) { return (e.article_ids || '').split(';').filter(Boolean); }

  function claimRows(e) {
    var rows = [];
    articleIds(e).forEach(function (aid) {
      var d = getDetails()[aid]; if (!d) return;
      d.claims.forEach(function (f) { rows.push({ aid: aid, f: f }); });
    });
    var evidence = e.evidence || '';
    return rows.map(function (r) {
      var f = r.f, inEvidence = f.sentence && evidence.indexOf(f.sentence) >= 0;
      var flags = ['qualifier', 'supersedes_prior', 'partitive', 'perpetrator', 'includes_killed'].filter(function (k) { return f[k]; })
        .map(function (k) { return k === 'qualifier' ? '"' + f[k] + '"' : words(k); }).join(', ');
      return el('tr', { class: inEvidence ? 'in-evidence' : '', title: inEvidence ? "this sentence is in the event's evidence" : '' }, [
        el('td', { text: f.outcome }), el('td', { class: 'num', text: fmt(f.count_low) }), el('td', { class: 'num', text: fmt(f.count_best) }),
        el('td', { class: 'num', text: f.count_high === undefined ? 'open' : fmt(f.count_high) }), el('td', { text: [f.victims, f.victim_type && f.victim_type !== 'unknown' ? '(' + words(f.victim_type) + ')' : ''].join(' ') }),
        el('td', { text: flags }), el('td', { class: 'sentence' }, [el('a', { href: '#', 'data-jump': r.aid + ':' + f.start, text: f.text }), ' in: ', f.sentence || ''])]);
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
  function highlighted(text, spans, labelsOf, aid) {
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
      var labels = parent.labels.concat([labelsOf[s[3]]]);
      var mark = el('mark', { class: 'hl k-' + S.kinds[s[2]], 'data-s': aid + ':' + s[0], title: labels.slice().reverse().join('\n') });
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
    var meta = el('div', { class: 'muted', text: [a.source, a.published ? 'published ' + a.published : '', a.status, a.copy_of ? 'copy of ' + a.copy_of : '', a.facts !== undefined ? a.facts + ' facts' : '', a.relevance !== undefined && a.relevance !== null ? 'relevance ' + Number(a.relevance).toFixed(2) + (a.relevant === false ? ' (below the threshold: no NLP)' : ' (relevant)') : ''].filter(Boolean).join(' · ') });
    var block = el('div', { class: 'article', id: 'article-' + aid }, [head, meta]);
    if (!d) return append(block, el('div', { class: 'warn', text: 'This article is not among the articles the run read.' })), block;
    if (d.text === null) { append(block, el('div', { class: 'warn', text: 'Text unavailable: ' + d.missing })); return block; }
    if (d.misplaced.length) append(block, el('div', { class: 'warn', text: d.misplaced.length + ' fact(s) do not match the text at their offsets (was the input file changed since the run?): ' + d.misplaced.map(function (m) { return m[0]; }).join('; ') }));
    append(block, highlighted(d.text, d.spans, d.labels, aid));
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
        el('p', { class: 'muted', text: "Every casualty fact read in the event's articles; a row marked red on the left has its sentence in the event's evidence. An article that reports several events lists its claims under each." }), claimsTable(e)]),
      el('section', { id: 'sources' }, [el('h2', { text: 'Source articles (' + articleIds(e).length + ')' }), kindLegend()].concat(articleIds(e).map(articleBlock)))]);
    window.scrollTo(0, 0);
  }
  function jump(ev) {
    var key = ev.target.getAttribute('data-jump'); if (!key) return;
    ev.preventDefault();
    var mark = document.querySelector('mark.k-casualty[data-s="' + key.replace(/"/g, '\\"') + '"]'); if (!mark) return;
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
  if (window.performance && performance.mark) performance.mark('report-ready');  // bench/report_scale.py reads it
