// The control room, live: the on-stage clock, turnout from the live channel, and a reload when the running order
// changed under the page's forms (another organiser's move). Every control stays a plain form post.
(function () {
  'use strict';
  const room = document.getElementById('control-room');
  if (!room || !window.ShipyardStage) {
    return;
  }
  const S = window.ShipyardStage;
  const $ = (id) => document.getElementById(id);
  let stage = { onStage: S.fromElement($('on-stage-clock')), asOf: Date.now() };
  let live = null;
  S.tick($('on-stage-clock'), () => stage, () => (live ? live.serverNow() : Date.now()));
  if (!window.ShipyardLive) {
    return;
  }

  function signature(next) {
    return next.slots.map((s) => [s.id, s.state, s.position, s.seconds].join(':')).join(',');
  }

  function follow(next) {
    if (signature(next) !== room.dataset.signature) {
      window.location.reload();
      return;
    }
    stage = next;
  }

  function turnout(frame) {
    $('turnout').textContent = frame.connected + (frame.connected === 1 ? ' screen' : ' screens') + ' connected';
    (frame.rounds || []).forEach((r) => (r.categories || []).forEach((c) => {
      const el = room.querySelector('li[data-round="' + r.roundId + '"] .voters[data-category="' + c.id + '"]');
      if (el) {
        el.textContent = c.voters;
      }
    }));
  }

  live = window.ShipyardLive.connect(Number(room.dataset.event), {
    onSnapshot(snapshot) { follow(snapshot.stage); },
    onFrame(frame) {
      if (frame.type === 'stage') {
        follow(frame.stage);
      } else if (frame.type === 'turnout') {
        turnout(frame);
      }
    },
    onStatus(status) {
      $('live-status').textContent = status === 'live' ? 'live' : status + '…';
    },
  });
}());
