package app.shipyard.web;

/**
 * Told of each websocket handshake the HTTP server refuses (the live channel counts them): at the connection budget,
 * before any route runs, or by a route with an HTTP status (401 not signed in, 403 a foreign Origin, 404, 400, 503).
 */
public interface HandshakeRefusals {

  void atLimit();

  void refused(int status);
}
