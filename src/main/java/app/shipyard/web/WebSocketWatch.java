package app.shipyard.web;

/**
 * What the HTTP server learns from the feature that upgrades websockets (the live channel): it is told of each
 * handshake refused (at the connection budget, before any route runs, or by a route with an HTTP status: 401 not
 * signed in, 403 a foreign Origin, 404, 400, 503), and it tells how many upgraded websockets have closed, since an
 * upgraded connection's HTTP close handler never runs.
 */
public interface WebSocketWatch {

  void atLimit();

  void refused(int status);

  /** Websockets closed since start. */
  long closed();
}
