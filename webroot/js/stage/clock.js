// The on-stage countdown, shared by the projector, the control room and the phone page.
// The clock is the server's: remaining = seconds*1000 - (elapsedMs + (running ? serverNow - asOf : 0)).
(function () {
  'use strict';

  function remainingMs(onStage, asOf, serverNow) {
    return onStage.seconds * 1000 - (onStage.elapsedMs + (onStage.running ? serverNow - asOf : 0));
  }

  /** "2:05" left, or "+0:12" over time (as the server renders it). */
  function format(ms) {
    const seconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
    return (ms < 0 ? '+' : '') + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  /** The on-stage slot as the server rendered it into the element's data attributes, read now. */
  function fromElement(el) {
    if (!el || !el.dataset.seconds) {
      return null;
    }
    return {
      seconds: Number(el.dataset.seconds), elapsedMs: Number(el.dataset.elapsed),
      running: el.dataset.running === 'true',
    };
  }

  /**
   * Keeps el's text on the countdown. state() returns {onStage, asOf} or null; now() the server's time.
   * Without the live channel, the page's own render time stands in for the server's (asOf = page load).
   */
  function tick(el, state, now) {
    function draw() {
      const s = state();
      if (!el || !s || !s.onStage) {
        return;
      }
      const left = remainingMs(s.onStage, s.asOf, now());
      el.textContent = format(left);
      el.classList.toggle('overtime', left < 0);
      el.hidden = false;
    }
    draw();
    return setInterval(draw, 250);
  }

  window.ShipyardStage = { remainingMs, format, fromElement, tick };
}());
