package app.shipyard.bench.live;

/**
 * The live benchmark's knobs: system properties ({@code -Dbench.live.connections=1000}) whose defaults are the targets
 * of issue 10. Every period is bounded, so a run always ends.
 */
record Knobs(int connections, int holdSeconds, int burstVoters, int burstSeconds, int steadyConnections,
             int steadyRate, int steadySeconds, int smallConnections, int saturateVotes, int perWorker,
             int connectsInFlight, int pitches, int pageRate, int workerHeapMb, int servers) {

  static Knobs fromSystemProperties() {
    return new Knobs(
        knob("connections", 15_000),
        knob("holdSeconds", 300),
        knob("burstVoters", 10_000),
        knob("burstSeconds", 5),
        knob("steadyConnections", 10_000),
        knob("steadyRate", 2_000),
        knob("steadySeconds", 20),
        knob("smallConnections", 1_000),
        knob("saturateVotes", 2),
        knob("perWorker", 7_000),
        knob("connectsInFlight", 64),
        knob("pitches", 8),
        knob("pageRate", 10),
        knob("workerHeapMb", 1024),
        knob("servers", 1));
  }

  private static int knob(String name, int fallback) {
    return Integer.getInteger("bench.live." + name, fallback);
  }

  /**
   * Load-generator processes needed so that none holds more than {@link #perWorker} sockets, and at least one per
   * server (worker i connects to server i mod servers).
   */
  int workers() {
    return Math.max(servers, (connections + perWorker - 1) / perWorker);
  }

  String describe() {
    return String.format("connections=%d holdSeconds=%d burstVoters=%d burstSeconds=%d steadyConnections=%d "
            + "steadyRate=%d steadySeconds=%d smallConnections=%d saturateVotes=%d perWorker=%d connectsInFlight=%d "
            + "pitches=%d pageRate=%d workerHeapMb=%d servers=%d", connections, holdSeconds, burstVoters, burstSeconds,
        steadyConnections, steadyRate, steadySeconds, smallConnections, saturateVotes, perWorker, connectsInFlight,
        pitches, pageRate, workerHeapMb, servers);
  }
}
