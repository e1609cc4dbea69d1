// newsstream dashboard: fetches the JSON API and refreshes on every Server-Sent Event "update".
// Plain DOM and inline SVG (timelines, tone bars, sparklines); no library, nothing from another host.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var token = new URLSearchParams(location.search).get('token');
  var q = token ? '?token=' + encodeURIComponent(token) : '';
  var selectedStory = null;
  var selectedEntity = null;
  var firstRender = true;
  // the latest stories the list shows; the heading says how many there are in all
  var STORY_ROWS = 200;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function titled(node, text) { var t = svg('title'); t.textContent = text; node.appendChild(t); return node; }
  function tone(v) { return v === undefined || v === null ? '' : (v > 0 ? '+' : '') + Number(v).toFixed(2); }
  function toneClass(v) { return v < -0.05 ? 'neg' : (v > 0.05 ? 'pos' : 'neu'); }
  function toneColour(v) { return v < -0.05 ? '#b00' : (v > 0.05 ? '#070' : '#888'); }
  function when(t) { return t ? String(t).replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z') : ''; }
  function get(path, extra) {
    var query = q + (extra ? (q ? '&' : '?') + extra : '');
    return fetch(path + query).then(function (r) {
      if (!r.ok) { throw new Error(path + ': ' + r.status); }
      return r.json().then(function (body) { return { body: body, total: r.headers.get('X-Total-Count') }; });
    });
  }

  function td(content, cls) {
    var c = el('td', null, cls);
    if (content instanceof Node) { c.appendChild(content); } else if (content !== undefined && content !== null) { c.textContent = String(content); }
    return c;
  }
  function row(cells, cls) {
    var tr = el('tr', null, cls);
    cells.forEach(function (c) { tr.appendChild(c instanceof HTMLTableCellElement ? c : td(c)); });
    return tr;
  }
  function head(names) { return row(names.map(function (h) { return el('th', h); })); }

  // A story's articles on a time axis: one dot each, coloured by tone; copies hollow.
  function timeline(points, width, height) {
    var box = svg('svg', { width: width, height: height, 'class': 'timeline', viewBox: '0 0 ' + width + ' ' + height });
    box.appendChild(svg('line', { x1: 3, x2: width - 3, y1: height / 2, y2: height / 2, stroke: '#ccc' }));
    var times = (points || []).map(function (p) { return Date.parse(p.at); }).filter(function (t) { return !isNaN(t); });
    var min = Math.min.apply(null, times), max = Math.max.apply(null, times);
    var r = Math.max(2.5, height / 5);
    (points || []).forEach(function (p) {
      var t = Date.parse(p.at);
      var x = isNaN(t) || max === min ? width / 2 : r + (width - 2 * r) * (t - min) / (max - min);
      var dot = svg('circle', { cx: x.toFixed(1), cy: height / 2, r: r, 'class': p.copy ? 'copy' : 'original',
        fill: p.copy ? 'none' : toneColour(p.tone), stroke: p.copy ? '#888' : 'none' });
      titled(dot, when(p.at) + ' ' + (p.outlet || '') + ' tone ' + tone(p.tone) + (p.copy ? ' (copy)' : ''));
      box.appendChild(dot);
    });
    return box;
  }

  // Tone per outlet as bars up (positive) or down (negative) from a middle line.
  function toneBars(perOutlet) {
    var outlets = Object.keys(perOutlet || {}).sort();
    var width = Math.max(12, outlets.length * 9), height = 18;
    var box = svg('svg', { width: width, height: height, 'class': 'tonebars', viewBox: '0 0 ' + width + ' ' + height });
    box.appendChild(svg('line', { x1: 0, x2: width, y1: height / 2, y2: height / 2, stroke: '#ccc' }));
    outlets.forEach(function (o, i) {
      var v = Math.max(-1, Math.min(1, perOutlet[o]));
      var h = Math.max(1, Math.abs(v) * height / 2);
      var bar = svg('rect', { x: i * 9 + 1, width: 7, height: h.toFixed(1), y: (v >= 0 ? height / 2 - h : height / 2).toFixed(1),
        fill: toneColour(v) });
      box.appendChild(titled(bar, o + ': ' + tone(v)));
    });
    return box;
  }

  // Mentions per window, oldest first, as a line with the latest window marked.
  function sparkline(values) {
    var width = 96, height = 18, v = values || [];
    var max = Math.max.apply(null, v.concat([1]));
    var step = v.length > 1 ? (width - 4) / (v.length - 1) : 0;
    var pts = v.map(function (n, i) { return (2 + i * step).toFixed(1) + ',' + (height - 2 - (height - 4) * n / max).toFixed(1); });
    var box = svg('svg', { width: width, height: height, 'class': 'sparkline', viewBox: '0 0 ' + width + ' ' + height });
    box.appendChild(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: '#36c', 'stroke-width': 1.5 }));
    if (pts.length) {
      var last = pts[pts.length - 1].split(',');
      box.appendChild(svg('circle', { cx: last[0], cy: last[1], r: 2, fill: '#36c' }));
    }
    return titled(box, 'mentions per window, oldest first: ' + v.join(', '));
  }

  function entityLink(e) {
    var a = el('a', e.name || e.id, 'entity-link');
    a.href = '#entity=' + encodeURIComponent(e.id);
    a.dataset.entity = e.id;
    a.addEventListener('click', function (ev) { ev.preventDefault(); ev.stopPropagation(); selectEntity(e.id); });
    return a;
  }
  function entityList(entities) {
    var span = el('span');
    (entities || []).slice(0, 5).forEach(function (e, i) {
      if (i > 0) { span.appendChild(document.createTextNode(', ')); }
      span.appendChild(entityLink(e));
    });
    return span;
  }

  function storyRow(s, extra) {
    var cells = [td(s.storyId, 'id'), td(s.title, 'title'), td(String(s.articles), 'articles'), td(String(s.copies), 'copies'),
      td((s.outlets || []).length + ': ' + (s.outlets || []).join(', '), 'outlets'), td((s.languages || []).join(', '), 'languages'),
      td(when(s.firstSeen), 'when'), td(when(s.lastSeen), 'when'), td(timeline(s.timeline, 110, 14)),
      td(el('span', tone(s.meanTone), toneClass(s.meanTone)), 'tone')];
    cells[cells.length - 1].appendChild(toneBars(s.tonePerOutlet));
    cells.push(td(entityList(s.topEntities)));
    (extra || []).forEach(function (c) { cells.push(c); });
    var tr = row(cells, 'story');
    tr.dataset.story = s.storyId;
    tr.addEventListener('click', function () { selectedStory = s.storyId; renderStory(); });
    return tr;
  }

  function renderStories(result) {
    var body = document.createElement('tbody');
    result.body.forEach(function (s) { body.appendChild(storyRow(s)); });
    var table = document.getElementById('stories');
    table.replaceChild(body, table.tBodies[0]);
    var total = result.total === null ? result.body.length : Number(result.total);
    document.getElementById('storycount').textContent = total === result.body.length
      ? String(total) : result.body.length + ' of ' + total;
    if (firstRender) {
      firstRender = false;
      performance.mark('newsstream:stories-rendered');
      document.documentElement.dataset.storiesRendered = String(result.body.length);
    }
  }

  function renderStory() {
    var box = document.getElementById('story');
    if (!selectedStory) { box.textContent = ''; return; }
    get('/api/stories/' + encodeURIComponent(selectedStory)).then(function (res) {
      var s = res.body;
      box.textContent = '';
      box.dataset.story = s.storyId;
      box.appendChild(el('h2', 'Story ' + s.storyId + ': ' + s.title));
      box.appendChild(el('p', s.articles + ' articles (' + s.copies + ' copies) from ' + (s.outlets || []).length
        + ' outlets, ' + when(s.firstSeen) + ' to ' + when(s.lastSeen) + '; mean tone ' + tone(s.meanTone), 'meta'));
      var line = el('div', null, 'story-timeline');
      line.appendChild(el('span', 'timeline ', 'label'));
      line.appendChild(timeline(s.timeline, 480, 22));
      box.appendChild(line);

      var outlets = el('table', null, 'outlet-tone');
      outlets.appendChild(head(['outlet', 'tone']));
      Object.keys(s.tonePerOutlet || {}).sort().forEach(function (o) {
        var v = s.tonePerOutlet[o];
        var bar = el('span', null, 'bar ' + toneClass(v));
        bar.style.width = Math.round(Math.abs(v) * 120) + 'px';
        var cell = td(el('span', tone(v) + ' ', toneClass(v)));
        cell.appendChild(bar);
        outlets.appendChild(row([o, cell], 'outlet'));
      });
      box.appendChild(outlets);

      var table = el('table');
      table.id = 'articles';
      table.appendChild(head(['title', 'outlet', 'published', 'language', 'tone', 'entities']));
      (s.articleRows || []).forEach(function (a) {
        var title = td();
        if (a.url) { var link = el('a', a.title || a.id); link.href = a.url; title.appendChild(link); } else { title.textContent = a.title || a.id; }
        if (a.duplicateOf) { title.appendChild(el('span', 'copy of ' + a.duplicateOf, 'copy-badge')); }
        table.appendChild(row([title, a.outlet || '', when(a.publishedAt), a.language || '',
          td((a.sentimentLabel || '').toLowerCase() + ' ' + tone(a.sentimentScore), toneClass(a.sentimentScore)),
          [].concat(a.people || [], a.organizations || [], a.locations || []).slice(0, 8).join(', ')],
          a.duplicateOf ? 'article copy' : 'article'));
      });
      box.appendChild(table);
    }).catch(function () { box.textContent = ''; });
  }

  function selectEntity(id) {
    selectedEntity = id;
    renderEntity();
    document.getElementById('entity').scrollIntoView({ block: 'nearest' });
  }

  function renderEntity() {
    var box = document.getElementById('entity');
    if (!selectedEntity) { box.textContent = ''; return; }
    var id = encodeURIComponent(selectedEntity);
    Promise.all([get('/api/entities/' + id), get('/api/entities/' + id + '/stories')]).then(function (res) {
      var e = res[0].body, stories = res[1].body;
      box.textContent = '';
      box.dataset.entity = e.entityId;
      var h = el('h2', 'Stories naming ' + (e.name || e.entityId) + ' ');
      h.appendChild(sparkline(e.sparkline));
      box.appendChild(h);
      var table = el('table');
      table.id = 'entity-stories';
      table.appendChild(head(['story', 'title', 'articles', 'copies', 'outlets', 'languages', 'first seen', 'last seen',
        'timeline', 'tone', 'top entities', 'naming it']));
      stories.forEach(function (s) { table.appendChild(storyRow(s, [td(String(s.entityArticles), 'naming')])); });
      box.appendChild(table);
    }).catch(function () { box.textContent = ''; });
  }

  function renderEntities(result) {
    var body = document.createElement('tbody');
    result.body.forEach(function (e, i) {
      var name = td(entityLink({ id: e.entityId, name: e.name }));
      var tr = row([String(i + 1), name, (e.type || '').toLowerCase(), when(e.windowStart), td(String(e.mentions), 'mentions'),
        td(sparkline(e.sparkline)), String(e.articles), String((e.outlets || []).length),
        td(tone(e.meanSentiment), toneClass(e.meanSentiment))], 'entity');
      tr.dataset.entity = e.entityId;
      tr.title = (e.outlets || []).join(', ');
      tr.addEventListener('click', function () { selectEntity(e.entityId); });
      body.appendChild(tr);
    });
    var table = document.getElementById('entities');
    table.replaceChild(body, table.tBodies[0]);
  }

  function renderDead(result) {
    var d = result.body;
    document.getElementById('deadcount').textContent = String(d.count);
    var ul = document.getElementById('dead');
    ul.textContent = '';
    (d.latest || []).slice(0, 10).forEach(function (r) {
      ul.appendChild(el('li', when(r.timestamp) + ' ' + (r.key || '') + ': ' + (r.stage ? '[' + r.stage + '] ' : '') + (r.message || r.exception || '')));
    });
  }

  // One refresh at a time; an update that arrives meanwhile asks for one more.
  var refreshing = false, again = false;
  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    Promise.all([get('/api/stories', 'limit=' + STORY_ROWS).then(renderStories), get('/api/entities').then(renderEntities),
      get('/api/deadletter').then(renderDead)]).catch(function () {
      document.getElementById('status').textContent = 'API unavailable';
    }).then(function () {
      renderStory();
      renderEntity();
      refreshing = false;
      if (again) { again = false; refresh(); }
    });
  }

  var events = new EventSource('/api/events' + q);
  events.addEventListener('update', function () {
    document.getElementById('status').textContent = 'live';
    refresh();
  });
  events.onerror = function () { document.getElementById('status').textContent = 'reconnecting…'; };
  refresh();
}());
