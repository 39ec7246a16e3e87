package dev.ecabot.emulator.metadata;

/** The one XML namespace of every Metadata API file and of the Metadata SOAP API. */
public final class MetadataNamespace {
    public static final String URI = "http://soap.sforce.com/2006/04/metadata";

    private MetadataNamespace() {
    }
}
