package app.shipyard.showcase;

import app.shipyard.showcase.FeedRepository.Entry;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom feed (RFC 4287) with the JDK's XML writer, which escapes all text: the feed's id, title, updated,
 * author and links, and per entry its id, title, updated, link to the project page and a summary. Ids are tag URIs
 * (RFC 4151) that never change.
 */
final class AtomFeed {

  static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String TAG = "tag:shipyard.app,2026:";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private AtomFeed() {}

  /** {@code path} is the feed's own (e.g. {@code /showcase/feed.atom}), {@code page} its HTML page. */
  static String write(String origin, String path, String page, String title, List<Entry> entries) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", TAG + path.substring(1).replace(".atom", ""));
      text(xml, "title", title);
      text(xml, "updated", time(entries.isEmpty() ? null : entries.get(0).updated()));
      xml.writeStartElement("author");
      text(xml, "name", "Shipyard");
      xml.writeEndElement();
      link(xml, "self", origin + path, "application/atom+xml");
      link(xml, "alternate", origin + page, "text/html");
      for (Entry e : entries) {
        xml.writeStartElement("entry");
        text(xml, "id", TAG + e.type() + "/" + e.id());
        text(xml, "title", e.title());
        text(xml, "updated", time(e.updated()));
        link(xml, "alternate", origin + "/projects/" + e.pitchId(), "text/html");
        if (!e.note().isBlank()) {
          text(xml, "summary", e.note());
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The Atom feed could not be written", e);
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  /** RFC 3339 in UTC; an empty feed was last changed at the epoch (it never had an entry). */
  private static String time(OffsetDateTime t) {
    return DateTimeFormatter.ISO_INSTANT.format(t == null ? Instant.EPOCH : t.toInstant());
  }
}
