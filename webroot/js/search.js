// Search as you type on /showcase/search, from the JSON twin of the page. Progressive enhancement only: without
// this file the form, the facet links and the pager work as plain HTML. Titles and snippets arrive as safe HTML
// (escaped text with <mark>); everything else is set as text.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  if (!form || !input || !window.fetch) {
    return;
  }
  const pageOf = (apiLink) => apiLink && apiLink.replace(/^\/api\/showcase\/search/, '/showcase/search');
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const hit = (h) => {
    const li = el('li', null, 'hit');
    const link = el('a', null, 'hit-title');
    link.href = h.url;
    link.innerHTML = h.titleHtml;
    const about = [h.event.title, h.event.year].concat(h.awards.map((a) => a.title)).join(' · ');
    const snippet = el('p', null, 'snippet');
    snippet.innerHTML = h.snippet;
    const labels = el('div');
    h.skills.forEach((s) => labels.append(el('span', s, 'tag'), ' '));
    h.tags.forEach((t) => labels.append(el('span', '#' + t, 'tag topic'), ' '));
    li.append(link, el('div', about, 'muted'), snippet, labels);
    return li;
  };
  const facetGroup = (box, values) => {
    const list = box.querySelector('ul');
    list.replaceChildren(...values.map((v) => {
      const li = el('li');
      const link = el('a', (v.chosen ? '✓ ' : '') + v.label);
      link.href = v.href;
      if (v.chosen) link.className = 'chosen';
      li.append(link, ' ', el('span', String(v.count), 'muted'));
      return li;
    }));
    box.hidden = values.length === 0;
  };
  const show = (r) => {
    const total = r.total + (r.total === 1 ? ' project' : ' projects')
      + (r.searchedFor ? ' for ' + r.searchedFor + ' (no project matched “' + r.q + '”)' : '');
    document.getElementById('search-total').textContent = total;
    const hits = document.getElementById('hits');
    hits.replaceChildren(...(r.results.length ? r.results.map(hit)
      : [el('li', 'No project in the archive matches this search.', 'empty')]));
    document.querySelectorAll('#facets [data-facet]').forEach((box) => facetGroup(box, r.facets[box.dataset.facet] || []));
    const pager = document.querySelector('.results .pager');
    if (pager) pager.hidden = true;
    history.replaceState(null, '', pageOf(r.links.page));
  };
  let timer;
  let inFlight;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      const query = new URLSearchParams(new FormData(form)).toString();
      try {
        const response = await fetch('/api/showcase/search?' + query,
          { headers: { Accept: 'application/json' }, signal: inFlight.signal });
        if (response.ok) show(await response.json());
      } catch (e) {
        // A superseded or failed request: the plain form still works.
      }
    }, 250);
  });
});
