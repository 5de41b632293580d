package app.shipyard.attachment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Why a PDF is refused, if it is: it must parse (PDFBox) with at least one page and end with {@code %%EOF} (else it is
 * truncated), and it may not carry anything active: JavaScript, launch or import actions, embedded files, XFA forms or
 * rich media. Every object the cross-reference table lists is read (object streams included, so compressed objects are
 * seen too) and walked through its direct dictionaries and arrays. Blocking: run off the event loop.
 */
final class PdfCheck {

  private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
      COSName.EMBEDDED_FILE, COSName.XFA, COSName.getPDFName("RichMedia"), COSName.getPDFName("RichMediaContent"));
  private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
      COSName.getPDFName("ImportData"), COSName.getPDFName("RichMediaExecute"));
  private static final Set<COSName> ACTIVE_TYPES = Set.of(COSName.EMBEDDED_FILE, COSName.getPDFName("RichMedia"));
  private static final int MAX_DEPTH = 32;

  private PdfCheck() {}

  static Optional<String> problem(byte[] bytes) {
    if (!Bytes.endsWith(bytes, "%%EOF")) {
      return Optional.of("is not a whole PDF: it stops before its end (truncated?)");
    }
    if (Bytes.indexOf(bytes, "%PDF-", 1) >= 0) {
      return Optional.of("has a second PDF header inside it");
    }
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.getNumberOfPages() < 1) {
        return Optional.of("is a PDF without pages");
      }
      return active(document.getDocument()) ? Optional.of("is a PDF with scripts, actions or embedded files")
          : Optional.empty();
    } catch (InvalidPasswordException e) {
      return Optional.of("is a password-protected PDF, which cannot be checked");
    } catch (IOException | RuntimeException e) {
      return Optional.of("is not a readable PDF");
    }
  }

  private static boolean active(COSDocument document) {
    for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
      if (active(document.getObjectFromPool(key).getObject(), 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean named(Set<COSName> names, COSName name) {
    return name != null && names.contains(name);
  }

  /** Looks into direct values only: indirect ones are objects of their own, and each is checked once above. */
  private static boolean active(COSBase value, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    if (value instanceof COSDictionary dictionary) {
      if (ACTIVE_KEYS.stream().anyMatch(dictionary::containsKey)
          || named(ACTIVE_ACTIONS, dictionary.getCOSName(COSName.S))
          || named(ACTIVE_TYPES, dictionary.getCOSName(COSName.TYPE))) {
        return true;
      }
      for (COSBase item : dictionary.getValues()) {
        if (!(item instanceof COSObject) && active(item, depth + 1)) {
          return true;
        }
      }
    } else if (value instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        COSBase item = array.get(i);
        if (!(item instanceof COSObject) && active(item, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
