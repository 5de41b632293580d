package app.shipyard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
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

  static final int FRAME_BYTES = 64 * 1024;

  private TextFrames() {}

  static Buffer encode(JsonObject frame) {
    return frame.toBuffer();
  }

  /**
   * Writes {@code encoded} as one text message, in frames of at most {@link #FRAME_BYTES} (what clients such as
   * Vert.x's accept by default; browsers take any size). Frames are views of the buffer: nothing is copied.
   */
  static void write(WebSocketBase ws, Buffer encoded) {
    int length = encoded.length();
    for (int from = 0; from == 0 || from < length; from += FRAME_BYTES) {
      Buffer part = length <= FRAME_BYTES ? encoded : encoded.slice(from, Math.min(length, from + FRAME_BYTES));
      boolean last = from + FRAME_BYTES >= length;
      ws.writeFrame(from == 0 ? new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) part).getByteBuf(),
          last) : WebSocketFrame.continuationFrame(part, last));
    }
  }
}
