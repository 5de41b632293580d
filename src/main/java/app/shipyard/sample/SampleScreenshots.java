package app.shipyard.sample;

import app.shipyard.attachment.AttachmentRepository;
import app.shipyard.attachment.AttachmentStore;
import app.shipyard.pitch.Audience;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;

/**
 * Screenshots for the sample company's projects, drawn with Java2D (shapes only, so no fonts are needed) off the event
 * loop and stored through the attachment store, checked like any upload: one for each winner of an archived event,
 * and one for each of the first two projects of every running event that has none yet. Runs after the events (and
 * their awards) are loaded.
 */
final class SampleScreenshots {

  private static final String WINNERS = """
      SELECT DISTINCT p.id, p.title, p.captain_id FROM awards a JOIN pitches p ON p.id = a.pitch_id
        JOIN events e ON e.id = p.event_id
       WHERE a.kind = 'winner' AND e.phase = 'archived'
         AND NOT EXISTS (SELECT 1 FROM attachments x WHERE x.pitch_id = p.id)
      """;
  private static final String RUNNING = """
      SELECT id, title, captain_id FROM (
        SELECT p.id, p.title, p.captain_id, row_number() OVER (PARTITION BY p.event_id ORDER BY p.id) AS n
          FROM pitches p JOIN events e ON e.id = p.event_id
         WHERE e.phase NOT IN ('draft', 'archived') AND p.approved AND p.hidden_reason IS NULL
           AND NOT EXISTS (SELECT 1 FROM attachments x JOIN pitches q ON q.id = x.pitch_id WHERE q.event_id = e.id)
      ) firsts WHERE n <= 2
      """;

  private final Pool pool;

  SampleScreenshots(Pool pool) {
    this.pool = pool;
  }

  Future<Void> load() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Future.failedFuture(new IllegalStateException("Sample screenshots are made on a Vert.x context"));
    }
    AttachmentStore store = new AttachmentStore(context.owner(), new AttachmentRepository(pool));
    return projects(WINNERS).compose(winners -> projects(RUNNING).map(running -> concat(winners, running)))
        .compose(all -> {
          Future<Void> chain = Future.succeededFuture();
          for (Row project : all) {
            chain = chain.compose(d -> screenshot(context, store, project));
          }
          return chain;
        });
  }

  private Future<List<Row>> projects(String sql) {
    return pool.query(sql + " ORDER BY id").execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
  }

  private static List<Row> concat(List<Row> first, List<Row> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static Future<Void> screenshot(Context context, AttachmentStore store, Row project) {
    long id = project.getLong("id");
    return context.executeBlocking(() -> draw(id), false)
        .compose(png -> store.add(id, new Audience(project.getLong("captain_id"), false), png,
            "screenshot.png", project.getString("title") + ": the demo")).mapEmpty();
  }

  /** A browser window with the project's dashboard: a sidebar, a chart and cards, in colours of its own. */
  static byte[] draw(long seed) throws IOException {
    Random random = new Random(seed);
    int width = 1280;
    int height = 800;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color accent = Color.getHSBColor(random.nextFloat(), 0.55f, 0.8f);
    g.setColor(new Color(246, 247, 250));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(225, 228, 235));
    g.fillRect(0, 0, width, 44);
    for (int i = 0; i < 3; i++) {
      g.setColor(new Color[] {new Color(237, 106, 94), new Color(245, 191, 79), new Color(98, 197, 84)}[i]);
      g.fillOval(16 + i * 22, 15, 14, 14);
    }
    g.setColor(Color.WHITE);
    g.fillRoundRect(120, 10, 700, 24, 12, 12);
    g.setPaint(new GradientPaint(0, 44, accent.darker(), 0, height, accent.darker().darker()));
    g.fillRect(0, 44, 220, height - 44);
    g.setColor(new Color(255, 255, 255, 90));
    for (int i = 0; i < 7; i++) {
      g.fillRoundRect(24, 90 + i * 48, 120 + random.nextInt(50), 14, 7, 7);
    }
    int cards = 3;
    for (int i = 0; i < cards; i++) {
      int x = 260 + i * 330;
      g.setColor(Color.WHITE);
      g.fillRoundRect(x, 80, 300, 120, 16, 16);
      g.setColor(accent);
      g.fillRoundRect(x + 20, 110, 60 + random.nextInt(160), 28, 8, 8);
      g.setColor(new Color(200, 204, 214));
      g.fillRoundRect(x + 20, 160, 200, 10, 5, 5);
    }
    g.setColor(Color.WHITE);
    g.fillRoundRect(260, 230, 980, 520, 16, 16);
    int bars = 12;
    for (int i = 0; i < bars; i++) {
      int h = 60 + random.nextInt(360);
      g.setColor(i % 3 == 0 ? accent : accent.brighter());
      g.fillRoundRect(300 + i * 76, 710 - h, 48, h, 8, 8);
    }
    g.setColor(new Color(40, 44, 52));
    g.setStroke(new BasicStroke(4f));
    int previous = 600;
    for (int i = 1; i < bars; i++) {
      int next = 300 + random.nextInt(300);
      g.drawLine(300 + (i - 1) * 76 + 24, previous, 300 + i * 76 + 24, next);
      previous = next;
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
