/**
 * Project attachments: screenshots (PNG, JPEG, WebP, GIF) and PDFs a team adds to its project (a pitch), shown in a
 * gallery with previews.
 *
 * <p><b>What a file is</b> is decided from its bytes alone ({@link app.shipyard.attachment.ContentCheck}): Tika's
 * magic detection, then proof. An image is walked to its structural end and decoded whole by the ImageIO reader of the
 * same format, so truncated images are refused; a PDF must parse (PDFBox), have pages and reach its {@code %%EOF}.
 * <b>Polyglots</b>, refused, are files that are also something else: anything after an image's end marker (an
 * appended ZIP/JAR, script or page), a ZIP/JAR directory at the end of any file, web page or script code
 * ({@code <script}, {@code <html}, {@code <?php}, {@code <svg}, ...) anywhere in the bytes, an image whose decoder
 * disagrees with the detected type, and PDFs with a second {@code %PDF-} header, JavaScript, launch or import actions,
 * embedded files, XFA or rich media.
 *
 * <p><b>Storage: PostgreSQL</b> ({@code bytea}, kept out of line and not compressed again), not a folder. A file and
 * its row are written in one transaction, so nothing is ever half-stored and deleting is one statement; backups,
 * restores and several Shipyard instances on several machines need nothing beyond the database they already share;
 * access checks and bytes come from one query. The cost is database size and reading a file into memory to send it,
 * acceptable for files of at most {@code MAX_UPLOAD_BYTES} (10 MB) and 20 per project. Uploads stream to
 * {@code <data folder>/uploads} first and are deleted once the answer has gone out, whatever it was.
 *
 * <p>The project page adds {@code attachment/gallery} with a {@link app.shipyard.attachment.Gallery} from
 * {@link app.shipyard.attachment.Galleries}; {@code /projects/{id}/attachments} is the feature's own page.
 */
package app.shipyard.attachment;
