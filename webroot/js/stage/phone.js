// The phone voting page, live: who is on stage follows the stage, and ballots are cast over the live channel
// (live.vote) without leaving the page. Without it, each ballot is a plain form post to the round.
(function () {
  'use strict';
  const phone = document.getElementById('phone-vote');
  if (!phone || !window.ShipyardStage) {
    return;
  }
  const S = window.ShipyardStage;
  const $ = (id) => document.getElementById(id);
  let stage = { onStage: S.fromElement($('on-stage-clock')), asOf: Date.now() };
  let live = null;
  let status = 'connecting';
  S.tick($('on-stage-clock'), () => stage, () => (live ? live.serverNow() : Date.now()));
  if (!window.ShipyardLive) {
    return;
  }

  function openRounds(rounds) {
    return rounds.filter((r) => r.state === 'open').map((r) => String(r.id)).sort().join(',');
  }
  const shownRounds = Array.from(document.querySelectorAll('.phone-round')).map((el) => el.dataset.round)
    .sort().join(',');

  function showStage(next) {
    stage = next;
    const on = next.onStage;
    $('on-stage-title').textContent = on ? on.title : 'Nobody is on stage';
    $('on-stage-team').textContent = on ? on.team : '';
    if ($('on-stage-clock')) {
      $('on-stage-clock').hidden = !on;
    }
  }

  /** The vote body of the HTTP route, from the plain form. */
  function ballot(form) {
    const data = new FormData(form);
    const body = { roundId: Number(form.dataset.round), categoryId: Number(form.dataset.category) };
    if (form.dataset.ballot === 'single') {
      body.pitchId = Number(data.get('pitchId'));
    } else if (form.dataset.ballot === 'budget') {
      body.points = [];
      for (const [name, value] of data.entries()) {
        if (name.startsWith('points-') && value !== '' && Number(value) > 0) {
          body.points.push({ pitchId: Number(name.slice(7)), points: Number(value) });
        }
      }
    } else {
      body.ranking = data.getAll('ranking').filter((v) => v !== '').map(Number);
    }
    return body;
  }

  function say(text, ok) {
    const el = $('vote-result');
    el.textContent = text;
    el.className = 'alert ' + (ok ? 'ok' : 'error');
    el.hidden = false;
    el.scrollIntoView({ block: 'nearest' });
  }

  phone.addEventListener('submit', (event) => {
    const form = event.target;
    if (!form.classList.contains('phone-ballot') || status !== 'live') {
      return; // a plain post
    }
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    live.vote(ballot(form)).then(() => {
      say('Your vote is recorded.', true);
      button.textContent = 'Change my vote';
    }, (refusal) => say(refusal.message || 'Your vote was not recorded.', false))
      .finally(() => { button.disabled = false; });
  });

  live = window.ShipyardLive.connect(Number(phone.dataset.event), {
    onSnapshot(snapshot) {
      showStage(snapshot.stage);
      if (openRounds(snapshot.rounds || []) !== shownRounds) {
        window.location.reload();
      }
    },
    onFrame(frame) {
      if (frame.type === 'stage') {
        showStage(frame.stage);
      } else if (frame.type === 'round' && (frame.round.state === 'open') !== shownRounds.split(',')
        .includes(String(frame.round.id))) {
        window.location.reload();
      }
    },
    onStatus(next) { status = next; },
  });
}());
