package dev.ecabot.emulator.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML document into {@link XmlElement}s, keeping line and column numbers. Namespace-aware; refuses
 * DOCTYPE declarations (no external entities). Stateless and thread-safe.
 */
public final class XmlReader {

    /** The XML could not be parsed; the message says where and why. */
    public static final class XmlParseException extends Exception {
        private final int line;
        private final int column;

        XmlParseException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public XmlElement read(byte[] document) throws XmlParseException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser parser = factory.newSAXParser();
            TreeBuilder builder = new TreeBuilder();
            parser.parse(new ByteArrayInputStream(document), builder);
            return builder.root;
        } catch (SAXParseException e) {
            throw new XmlParseException(e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new XmlParseException(String.valueOf(e.getMessage()), 0, 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<Open> stack = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        private static final class Open {
            final String namespace;
            final String name;
            final int line;
            final int column;
            final StringBuilder text = new StringBuilder();
            final List<XmlElement> children = new ArrayList<>();

            Open(String namespace, String name, int line, int column) {
                this.namespace = namespace;
                this.name = name;
                this.line = line;
                this.column = column;
            }
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int line = locator == null ? 0 : locator.getLineNumber();
            int column = locator == null ? 0 : locator.getColumnNumber();
            stack.push(new Open(uri, localName, line, column));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                stack.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open open = stack.pop();
            String text = open.children.isEmpty() ? open.text.toString() : "";
            XmlElement element = new XmlElement(open.namespace, open.name, text, open.children, open.line, open.column);
            if (stack.isEmpty()) {
                root = element;
            } else {
                stack.peek().children.add(element);
            }
        }
    }
}
