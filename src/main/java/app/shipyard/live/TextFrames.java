package app.shipyard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;

/**
 * Frames encoded once and written to many sockets. Vert.x's public API builds a text frame only from a String (and
 * encodes it again for every socket); this wraps the one encoded Buffer instead: its bytes are a read-only slice of
 * the same memory for every write, and a Vert.x heap buffer is never released by a write.
 */
final class TextFrames {

  private TextFrames() {}

  static Buffer encode(JsonObject frame) {
    return frame.toBuffer();
  }

  /** A final text frame over {@code encoded}; cheap, so made once per socket write. */
  static WebSocketFrame of(Buffer encoded) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) encoded).getByteBuf(), true);
  }
}
