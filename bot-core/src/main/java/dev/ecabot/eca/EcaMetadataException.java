package dev.ecabot.eca;

/**
 * ECA metadata that cannot be read: names the file (or record) and, where there is one, the element at fault,
 * and says how to fix it. Never carries credential values.
 */
public class EcaMetadataException extends RuntimeException {

    private final String source;
    private final String element;

    public EcaMetadataException(String source, String element, String problem) {
        super(source + (element == null ? "" : ", element <" + element + ">") + ": " + problem);
        this.source = source;
        this.element = element;
    }

    public EcaMetadataException(String source, String element, String problem, Throwable cause) {
        this(source, element, problem);
        initCause(cause);
    }

    /** The file path or record the problem is in. */
    public String source() {
        return source;
    }

    /** The element at fault, or null when the problem is the whole file. */
    public String element() {
        return element;
    }
}
