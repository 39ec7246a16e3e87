package dev.ecabot.eca;

/**
 * How component files are named. The Metadata API (a deploy zip, {@code sf project deploy start --metadata-dir},
 * a retrieve) names a file {@code <member>.<suffix>}, e.g. {@code externalClientApps/MyApp.eca}; a Salesforce DX
 * project (force-app/main/default) names it {@code <member>.<suffix>-meta.xml} and has no package.xml.
 * The XML inside is the same.
 */
public enum MetadataFormat {
    /** Metadata API format: what a deploy needs. package.xml at the root. */
    METADATA_API(""),
    /** Source format of an sf project; for committing the app to a repository. */
    SOURCE("-meta.xml");

    private final String fileNameEnding;

    MetadataFormat(String fileNameEnding) {
        this.fileNameEnding = fileNameEnding;
    }

    /** What follows the type suffix in a file name. */
    public String fileNameEnding() {
        return fileNameEnding;
    }
}
