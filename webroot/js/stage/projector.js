// The projector view, live: follows the stage and the results a participant may see (audience=public).
// Without the live channel it reloads itself every few seconds, as the <noscript> refresh does without JavaScript.
(function () {
  'use strict';
  const page = document.getElementById('projector');
  if (!page || !window.ShipyardStage) {
    return;
  }
  const S = window.ShipyardStage;
  const $ = (id) => document.getElementById(id);
  const refreshMs = Number(page.dataset.refresh || 5) * 1000;
  const loadedAt = Date.now();
  let stage = { onStage: S.fromElement($('timer')), asOf: loadedAt };
  let live = null;
  let reload = null;

  function reloadLater() {
    if (reload === null) {
      reload = setTimeout(() => window.location.reload(), refreshMs);
    }
  }

  function stayLive() {
    clearTimeout(reload);
    reload = null;
  }

  S.tick($('timer'), () => stage, () => (live ? live.serverNow() : Date.now()));
  if (!window.ShipyardLive) {
    reloadLater();
    return;
  }

  function showStage(next) {
    stage = next;
    const on = next.onStage;
    $('on-stage-title').textContent = on ? on.title : 'Demos start soon';
    $('on-stage-title').classList.toggle('waiting', !on);
    $('on-stage-team').textContent = on ? on.team : '';
    $('timer').hidden = !on;
    $('paused').hidden = !on || on.running;
    $('next-up').textContent = next.nextUp ? 'Next up: ' + next.nextUp.title : '';
  }

  // Results: one block per visible category, bars best first; rounds[id] keeps what was last shown.
  const rounds = new Map();

  function visibleCategories(tally) {
    return tally && tally.categories ? tally.categories.filter((c) => Array.isArray(c.standings)) : [];
  }

  function block(round, category) {
    const id = 'result-' + category.id;
    let el = $(id);
    if (!el) {
      el = document.createElement('div');
      el.className = 'result';
      el.id = id;
      el.dataset.round = round.id;
      el.innerHTML = '<h2></h2><ol class="bars"></ol>';
      $('results').appendChild(el);
    }
    el.querySelector('h2').textContent = category.name + ' · ' + round.title;
    return el;
  }

  function drawBars(el, standings, fromZero) {
    const most = Math.max(1, ...standings.map((s) => s.points));
    const list = el.querySelector('ol');
    list.replaceChildren(...standings.map((s) => {
      const li = document.createElement('li');
      // "shown": the bar shows its points (at once, or once the reveal has grown it).
      li.className = 'bar' + (s.place === 1 ? ' winner' : '') + (fromZero ? '' : ' shown');
      li.dataset.place = s.place;
      li.dataset.pitch = s.pitchId;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = s.title + (s.tied ? ' (tied)' : '');
      const meter = document.createElement('meter');
      meter.min = 0;
      meter.max = 100;
      meter.value = fromZero ? 0 : Math.round(s.points * 100 / most);
      meter.dataset.target = Math.round(s.points * 100 / most);
      const points = document.createElement('strong');
      points.className = 'points';
      points.textContent = fromZero ? '' : s.points;
      points.dataset.points = s.points;
      li.append(name, meter, ' ', points);
      return li;
    }));
  }

  function grow(li, done) {
    const meter = li.querySelector('meter');
    const target = Number(meter.dataset.target);
    const start = Date.now();
    (function step() {
      const k = Math.min(1, (Date.now() - start) / 900);
      meter.value = target * (1 - Math.pow(1 - k, 3));
      if (k < 1) {
        setTimeout(step, 30);
      } else {
        const points = li.querySelector('.points');
        points.textContent = points.dataset.points;
        li.classList.add('shown');
        done();
      }
    }());
  }

  /** The reveal: every bar from zero, last place first, the winner last after a pause. */
  function reveal(el) {
    const bars = Array.from(el.querySelectorAll('li')).reverse();
    let i = 0;
    (function nextBar() {
      if (i < bars.length) {
        const li = bars[i++];
        setTimeout(() => grow(li, nextBar), li.dataset.place === '1' ? 1200 : 300);
      }
    }());
  }

  function showRound(round, dramatic) {
    const before = rounds.get(round.id);
    rounds.set(round.id, round);
    const revealedNow = dramatic && before && !before.revealedAt && round.revealedAt;
    const shown = new Set();
    visibleCategories(round.tally).forEach((c) => {
      const el = block(round, c);
      shown.add(el.id);
      drawBars(el, c.standings, revealedNow);
      if (revealedNow) {
        reveal(el);
      }
    });
    document.querySelectorAll('.result[data-round="' + round.id + '"]').forEach((el) => {
      if (!shown.has(el.id)) {
        el.remove();
      }
    });
  }

  function showTally(frame) {
    const round = rounds.get(frame.roundId);
    if (round) {
      const categories = (round.tally && round.tally.categories) || [];
      frame.categories.forEach((c) => {
        const i = categories.findIndex((o) => o.id === c.id);
        if (i >= 0) { categories[i] = c; } else { categories.push(c); }
      });
      showRound(Object.assign({}, round, { tally: { categories } }), false);
    }
  }

  live = window.ShipyardLive.connect(Number(page.dataset.event), {
    audience: 'public',
    onSnapshot(snapshot) {
      showStage(snapshot.stage);
      $('results').replaceChildren();
      rounds.clear();
      (snapshot.rounds || []).forEach((r) => showRound(r, false));
    },
    onFrame(frame) {
      if (frame.type === 'stage') {
        showStage(frame.stage);
      } else if (frame.type === 'round') {
        showRound(frame.round, true);
      } else if (frame.type === 'tally') {
        showTally(frame);
      }
    },
    onStatus(status) {
      page.dataset.live = status;
      if (status === 'live') { stayLive(); } else { reloadLater(); }
    },
  });
}());
