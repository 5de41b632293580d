package app.shipyard.live;

import app.shipyard.support.ShipyardProcess;

/** Stopping a {@link ShipyardProcess} for sure: also when the test thread is interrupted (a test's timeout). */
final class LiveProcesses {

  private LiveProcesses() {}

  /** SIGTERM and its wait; whatever still runs after that (an interrupted wait) gets SIGKILL. */
  static void stop(ShipyardProcess server) {
    try {
      server.close();
    } finally {
      ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
