package dev.ecabot.eca;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the child elements of one metadata component (a file's root element, or a {@code <records>}
 * element of a SOAP readMetadata answer). Elements it is not asked about (oauthLink, startPage, comments...) are
 * ignored; a missing element gives the caller's default; a value that cannot be read is an
 * {@link EcaMetadataException} naming the source and element. Immutable view of the DOM element.
 */
public final class ComponentFields {

    private final Element element;
    private final String source;

    ComponentFields(Element element, String source) {
        this.element = element;
        this.source = source;
    }

    /** Where these fields come from, for error messages (a file path or a record description). */
    public String source() {
        return source;
    }

    /** The element's text with surrounding whitespace removed; empty when absent or blank. */
    public Optional<String> text(String name) {
        return single(name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    /** A boolean element ({@code true}/{@code false}), or {@code defaultValue} when absent. */
    public boolean bool(String name, boolean defaultValue) {
        return text(name).map(value -> switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw error(name, "'" + value + "' is not a boolean; write true or false");
        }).orElse(defaultValue);
    }

    /** An integer element, or null when absent. */
    public Integer integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw error(name, "'" + value + "' is not a whole number");
            }
        }).orElse(null);
    }

    /** A metadata enum value such as {@code Enforce_RelaxRefresh}, or null when absent. */
    public <E extends Enum<E> & MetadataToken> E token(String name, Class<E> type) {
        return text(name).map(value -> parse(name, value, v -> MetadataToken.fromToken(type, v))).orElse(null);
    }

    /** A comma-separated element split into its trimmed, non-blank items; empty when absent. */
    public List<String> commaSeparated(String name) {
        return text(name).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /** Parses one value of element {@code name}, turning the parser's complaint into an error naming the element. */
    public <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new EcaMetadataException(source, name, e.getMessage(), e);
        }
    }

    /** Every occurrence of a repeated element with children, e.g. each {@code trustedIpRanges}. */
    public List<ComponentFields> nested(String name) {
        List<ComponentFields> found = new ArrayList<>();
        for (Element child : children(name)) found.add(new ComponentFields(child, source + " <" + name + ">"));
        return found;
    }

    /** An error about element {@code name} of this component. */
    public EcaMetadataException error(String name, String problem) {
        return new EcaMetadataException(source, name, problem);
    }

    private Optional<Element> single(String name) {
        List<Element> found = children(name);
        if (found.size() > 1) throw error(name, "appears " + found.size() + " times; it may appear only once");
        return found.stream().findFirst();
    }

    /** Child elements by local name, in the component's own namespace (the metadata namespace, or none). */
    private List<Element> children(String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && name.equals(localName(child))) found.add(child);
        }
        return found;
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
