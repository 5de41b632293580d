package app.shipyard.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the test PostgreSQL, so that one Shipyard instance can lose its database while the others
 * keep it: {@link #cut()} closes every forwarded connection and stops listening (new connections are refused, as by a
 * PostgreSQL that is down), {@link #restore()} listens again on the same port. It runs on a Vert.x of its own.
 */
public final class CuttableProxy implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2_000));
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final String targetHost;
  private final int targetPort;
  private NetServer server;
  private int port;
  private volatile boolean cut;

  private CuttableProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Blocking: a proxy to the test database, listening on a free loopback port. */
  public static CuttableProxy toTestDatabase() {
    var db = TestShipyard.get().database();
    CuttableProxy proxy = new CuttableProxy(db.host(), db.port());
    proxy.listen(0);
    return proxy;
  }

  /** The test database's {@code DATABASE_URL}, through this proxy. */
  public String databaseUrl() {
    String direct = TestInstances.databaseUrl();
    String address = TestShipyard.get().database().host() + ":" + TestShipyard.get().database().port();
    return direct.replace("@" + address + "/", "@127.0.0.1:" + port + "/");
  }

  public int port() {
    return port;
  }

  /** Blocking: every connection through the proxy is closed, and new ones are refused until {@link #restore()}. */
  public synchronized void cut() {
    if (cut) {
      return;
    }
    cut = true;
    server.close().await();
    open.forEach(NetSocket::close);
  }

  /** Blocking: new connections are forwarded again, on the same port (nothing to do when not cut). */
  public synchronized void restore() {
    if (!cut) {
      return;
    }
    cut = false;
    listen(port);
  }

  /** Connections forwarded just now (each counted once, on the instance's side). */
  public int connections() {
    return open.size() / 2;
  }

  private void listen(int on) {
    server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(on).setReuseAddress(true));
    server.connectHandler(this::forward);
    port = server.listen().await().actualPort();
  }

  private void forward(NetSocket downstream) {
    downstream.pause();
    client.connect(targetPort, targetHost).onComplete(connected -> {
      if (connected.failed() || cut) {
        downstream.close();
        if (connected.succeeded()) {
          connected.result().close();
        }
        return;
      }
      NetSocket upstream = connected.result();
      open.add(downstream);
      open.add(upstream);
      downstream.closeHandler(v -> {
        open.remove(downstream);
        upstream.close();
      });
      upstream.closeHandler(v -> {
        open.remove(upstream);
        downstream.close();
      });
      downstream.pipeTo(upstream);
      upstream.pipeTo(downstream);
      if (cut) { // cut while this one was connecting, after it looked through the open connections
        downstream.close();
      }
    });
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
