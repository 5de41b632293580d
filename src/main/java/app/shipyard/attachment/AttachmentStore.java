package app.shipyard.attachment;

import app.shipyard.pitch.Audience;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Takes an upload from the file the body handler streamed it to, and stores it: the file is read, checked and given
 * its preview on a small worker pool of its own ({@value #CHECKERS} threads, so a burst of large images cannot take
 * every worker or much memory), then written with its row in one transaction.
 */
public final class AttachmentStore {

  static final int CHECKERS = 2;
  private final AttachmentRepository attachments;
  private final WorkerExecutor checkers;

  public AttachmentStore(Vertx vertx, AttachmentRepository attachments) {
    this.attachments = attachments;
    this.checkers = vertx.createSharedWorkerExecutor("attachment-checks", CHECKERS);
  }

  public AttachmentRepository attachments() {
    return attachments;
  }

  /** Checks and stores the uploaded file at {@code uploaded} (sent as {@code sentName}) for the project. */
  public Future<Attachment> add(long pitchId, Audience who, Path uploaded, String sentName, String caption) {
    return attachments.requireMayAdd(pitchId, who)
        .compose(v -> checkers.executeBlocking(() -> Prepared.of(Files.readAllBytes(uploaded), sentName), false))
        .compose(p -> attachments.add(pitchId, who, p.file(), p.fileName(), caption, p.sha256(), p.previewSha256()));
  }

  /** Stores bytes made by Shipyard itself (the sample screenshots), checked as any upload. */
  public Future<Attachment> add(long pitchId, Audience who, byte[] bytes, String fileName, String caption) {
    return checkers.executeBlocking(() -> Prepared.of(bytes, fileName), false)
        .compose(p -> attachments.add(pitchId, who, p.file(), p.fileName(), caption, p.sha256(), p.previewSha256()));
  }

  private record Prepared(ContentCheck.Checked file, String fileName, String sha256, String previewSha256) {

    static Prepared of(byte[] bytes, String sentName) {
      ContentCheck.Checked file = ContentCheck.check(bytes);
      return new Prepared(file, FileNames.stored(sentName, file.type()), AttachmentStore.sha256(bytes),
          file.preview() == null ? null : AttachmentStore.sha256(file.preview().bytes()));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
