// newsstream dashboard: fetches the JSON API and refreshes on every Server-Sent Event "update".
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token');
  var q = token ? '?token=' + encodeURIComponent(token) : '';
  var selected = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function tone(v) { return v === undefined || v === null ? '' : Number(v).toFixed(2); }
  function toneClass(v) { return v < -0.05 ? 'neg' : (v > 0.05 ? 'pos' : ''); }
  function get(path) { return fetch(path + q).then(function (r) { return r.json(); }); }

  function row(cells, cls) {
    var tr = el('tr', null, cls);
    cells.forEach(function (c) { tr.appendChild(c instanceof Node ? c : el('td', c)); });
    return tr;
  }

  function renderStories(stories) {
    var body = document.querySelector('#stories tbody');
    body.textContent = '';
    stories.forEach(function (s) {
      var t = el('td', tone(s.meanTone), toneClass(s.meanTone));
      var tr = row([s.storyId, s.title, String(s.articles), String(s.copies), (s.outlets || []).join(', '),
        s.firstSeen, s.lastSeen, t, (s.topEntities || []).slice(0, 5).map(function (e) { return e.name; }).join(', ')], 'story');
      tr.dataset.story = s.storyId;
      tr.addEventListener('click', function () { selected = s.storyId; renderStory(); });
      body.appendChild(tr);
    });
  }

  function renderStory() {
    var box = document.getElementById('story');
    if (!selected) { box.textContent = ''; return; }
    get('/api/stories/' + encodeURIComponent(selected)).then(function (s) {
      box.textContent = '';
      box.appendChild(el('h2', 'Story ' + s.storyId + ': ' + s.title));
      var table = el('table');
      table.id = 'articles';
      table.appendChild(row(['title', 'outlet', 'published', 'language', 'tone', 'entities'].map(function (h) { return el('th', h); })));
      (s.articleRows || []).forEach(function (a) {
        var title = el('td');
        if (a.url) { var link = el('a', a.title || a.id); link.href = a.url; title.appendChild(link); } else { title.textContent = a.title || a.id; }
        if (a.duplicateOf) { title.appendChild(el('span', ' (copy of ' + a.duplicateOf + ')', 'copy')); }
        table.appendChild(row([title, a.outlet || '', a.publishedAt || '', a.language || '',
          el('td', (a.sentimentLabel || '') + ' ' + tone(a.sentimentScore), toneClass(a.sentimentScore)),
          [].concat(a.people || [], a.organizations || [], a.locations || []).slice(0, 8).join(', ')], 'article'));
      });
      box.appendChild(table);
    });
  }

  function renderEntities(entities) {
    var body = document.querySelector('#entities tbody');
    body.textContent = '';
    entities.slice(0, 50).forEach(function (e, i) {
      body.appendChild(row([String(i + 1), e.name || e.entityId, e.type || '', e.windowStart || '',
        String(e.mentions), String(e.articles), (e.outlets || []).length ? String(e.outlets.length) : '',
        el('td', tone(e.meanSentiment), toneClass(e.meanSentiment))]));
    });
  }

  function renderDead(d) {
    document.getElementById('deadcount').textContent = String(d.count);
    var ul = document.getElementById('dead');
    ul.textContent = '';
    (d.latest || []).slice(0, 10).forEach(function (r) {
      ul.appendChild(el('li', (r.timestamp || '') + ' ' + (r.key || '') + ': ' + (r.stage ? '[' + r.stage + '] ' : '') + (r.message || r.exception || '')));
    });
  }

  function refresh() {
    get('/api/stories').then(renderStories);
    get('/api/entities').then(renderEntities);
    get('/api/deadletter').then(renderDead);
    renderStory();
  }

  var events = new EventSource('/api/events' + q);
  events.addEventListener('update', function () {
    document.getElementById('status').textContent = 'live';
    refresh();
  });
  events.onerror = function () { document.getElementById('status').textContent = 'reconnecting…'; };
  refresh();
}());
