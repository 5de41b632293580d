/*
 * Shipyard's live channel client (see "Live channel" in docs/API.md).
 *
 *   const live = ShipyardLive.connect(eventId, {audience, onSnapshot, onFrame, onStatus});
 *   live.serverNow(); live.vote({roundId, categoryId, pitchId | points | ranking}); live.status(); live.close();
 *
 * It opens one WebSocket to /api/events/{id}/live (the browser sends the session cookie and its Origin), hands the
 * page a snapshot on every (re)connect and every update frame in sequence order. A gap in the sequence numbers means
 * frames were missed: it asks for a fresh snapshot instead of passing on a frame out of order. A lost connection is
 * reopened with exponential backoff and full jitter; the status says honestly what is going on.
 */
(function (global) {
  'use strict';

  const FIRST_DELAY_MS = 500;
  const MAX_DELAY_MS = 30000;
  const VOTE_TIMEOUT_MS = 15000;
  /** Frames that are not numbered updates. */
  const UNNUMBERED = ['snapshot', 'ack', 'error', 'pong'];

  function newVoteId() {
    if (global.crypto && global.crypto.randomUUID) {
      return global.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    global.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
      + hex.slice(20);
  }

  function connect(eventId, options) {
    const opts = options || {};
    const noop = function () {};
    const onSnapshot = opts.onSnapshot || noop;
    const onFrame = opts.onFrame || noop;
    const onStatus = opts.onStatus || noop;
    const url = (global.location.protocol === 'https:' ? 'wss://' : 'ws://') + global.location.host
      + '/api/events/' + encodeURIComponent(eventId) + '/live' + (opts.audience === 'public' ? '?audience=public' : '');

    let socket = null;
    let status = 'connecting';
    let attempts = 0;
    let retryTimer = null;
    let closed = false;
    let seq = null;
    let offset = 0;
    let refs = 0;
    const pending = new Map();
    /** The viewer's own ballots per round from the last snapshot: round frames do not carry them (they are shared). */
    const mine = new Map();

    function setStatus(next) {
      if (status !== next) {
        status = next;
        // Every page shows it the same way: the stylesheets badge <html data-live="reconnecting">.
        global.document.documentElement.dataset.live = next;
        onStatus(next);
      }
    }

    function send(message) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return true;
      }
      return false;
    }

    function open() {
      retryTimer = null;
      setStatus(attempts === 0 ? 'connecting' : 'reconnecting');
      socket = new WebSocket(url);
      socket.onmessage = (event) => receive(event.data);
      socket.onclose = () => lost();
      socket.onerror = () => {}; // a close follows; the status is set there
    }

    function lost() {
      socket = null;
      seq = null;
      pending.forEach((p) => p.reject({code: 'disconnected', message: 'The connection was lost; try again.'}));
      pending.clear();
      if (closed) {
        return;
      }
      setStatus('reconnecting');
      attempts += 1;
      const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, attempts - 1));
      retryTimer = setTimeout(open, Math.random() * ceiling); // full jitter: a crowd does not come back at once
    }

    function receive(text) {
      let frame;
      try {
        frame = JSON.parse(text);
      } catch (e) {
        return;
      }
      if (typeof frame.serverTime === 'number') {
        offset = frame.serverTime - Date.now();
      }
      if (frame.type === 'ack' || frame.type === 'error') {
        const waiting = frame.ref && pending.get(frame.ref);
        if (waiting) {
          pending.delete(frame.ref);
          clearTimeout(waiting.timer);
          if (frame.type === 'ack') {
            waiting.resolve(frame);
          } else {
            waiting.reject({code: frame.code, message: frame.message, fields: frame.fields});
          }
        }
        return;
      }
      if (frame.type === 'snapshot') {
        seq = frame.seq;
        attempts = 0;
        mine.clear();
        (frame.rounds || []).forEach((r) => { if (r.mine) { mine.set(r.id, r.mine); } });
        setStatus('live');
        onSnapshot(frame);
        return;
      }
      if (UNNUMBERED.indexOf(frame.type) >= 0 || seq === null) {
        return;
      }
      if (frame.seq !== seq + 1) {
        seq = null; // frames were missed (or came twice): start again from a snapshot
        send({type: 'snapshot'});
        return;
      }
      seq = frame.seq;
      if (frame.type === 'round' && frame.round && mine.has(frame.round.id)) {
        frame.round.mine = mine.get(frame.round.id);
      }
      onFrame(frame);
    }

    function vote(ballot) {
      return new Promise((resolve, reject) => {
        refs += 1;
        const ref = 'v' + refs;
        const message = Object.assign({type: 'vote', voteId: newVoteId()}, ballot, {ref: ref});
        if (!send(message)) {
          reject({code: 'disconnected', message: 'Not connected just now; try again in a moment.'});
          return;
        }
        const timer = setTimeout(() => {
          pending.delete(ref);
          reject({code: 'timeout', message: 'No answer from Shipyard; your vote may not have been recorded.'});
        }, VOTE_TIMEOUT_MS);
        pending.set(ref, {resolve: resolve, reject: reject, timer: timer});
      });
    }

    function close() {
      closed = true;
      clearTimeout(retryTimer);
      if (socket) {
        socket.close(1000, 'closed by the page');
      }
    }

    onStatus(status);
    open();
    return {
      serverNow: () => Date.now() + offset,
      vote: vote,
      status: () => status,
      close: close,
    };
  }

  global.ShipyardLive = {connect: connect};
})(window);
