package dev.ecabot.eca;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns an {@link EcaSpec} into the metadata package that creates or updates the app: package.xml plus one file
 * per ECA metadata type, deployable as is through the Metadata API or {@code sf project deploy start
 * --metadata-dir}; and the destructive package that deletes an app. Defaults: API version 68.0, Metadata API file
 * names. Immutable and thread-safe. It writes what it is given: check the spec with {@link EcaSpecValidator} first.
 */
public final class EcaMetadataWriter {

    public static final String DEFAULT_API_VERSION = "68.0";
    /** ExtlClntAppConfigurablePolicies, one of the five files, exists from API version 60.0. */
    private static final int OLDEST_API_VERSION = 60;
    private static final Pattern API_VERSION = Pattern.compile("(\\d{2,3})\\.0");

    private final String apiVersion;
    private final MetadataFormat format;

    /** API version 68.0, Metadata API format. */
    public EcaMetadataWriter() {
        this(DEFAULT_API_VERSION, MetadataFormat.METADATA_API);
    }

    /**
     * @param apiVersion the package.xml version, e.g. "68.0" (60.0 or later)
     * @param format     {@link MetadataFormat#METADATA_API} for a deploy (with package.xml), or
     *                   {@link MetadataFormat#SOURCE} for an sf project's force-app/main/default (no package.xml)
     */
    public EcaMetadataWriter(String apiVersion, MetadataFormat format) {
        var m = API_VERSION.matcher(apiVersion == null ? "" : apiVersion);
        if (!m.matches() || Integer.parseInt(m.group(1)) < OLDEST_API_VERSION) {
            throw new IllegalArgumentException("API version '" + apiVersion + "' is not usable for External Client "
                    + "Apps; give a version like " + DEFAULT_API_VERSION + " (" + OLDEST_API_VERSION + ".0 or later)");
        }
        this.apiVersion = apiVersion;
        this.format = Objects.requireNonNull(format, "format");
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The package that deploys {@code spec}: the five component files, plus package.xml in Metadata API format. */
    public MetadataPackage write(EcaSpec spec) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        add(files, members, EcaComponentType.APP, spec, EcaComponentXml.app(spec));
        add(files, members, EcaComponentType.GLOBAL_OAUTH, spec, EcaComponentXml.globalOauth(spec));
        add(files, members, EcaComponentType.OAUTH_SETTINGS, spec, EcaComponentXml.oauthSettings(spec));
        add(files, members, EcaComponentType.OAUTH_POLICIES, spec, EcaComponentXml.oauthPolicies(spec));
        add(files, members, EcaComponentType.POLICIES, spec, EcaComponentXml.policies(spec));
        if (format == MetadataFormat.METADATA_API) {
            files.put("package.xml", PackageManifest.packageXml(members, apiVersion));
        }
        return new MetadataPackage(files);
    }

    /** Writes {@link #write(EcaSpec)} into {@code dir} (new or empty). */
    public void writeFolder(EcaSpec spec, Path dir) {
        write(spec).writeTo(dir);
    }

    /** {@link #write(EcaSpec)} as a zip with package.xml at its root. */
    public byte[] writeZip(EcaSpec spec) {
        return write(spec).toZip();
    }

    /** Writes {@link #writeZip(EcaSpec)} to {@code zipFile}. */
    public void writeZip(EcaSpec spec, Path zipFile) {
        write(spec).writeZip(zipFile);
    }

    /**
     * The package that deletes app {@code apiName} and the companions the bot named (see
     * {@link EcaComponentType#memberName(String)}): an empty package.xml plus destructiveChanges.xml.
     * Deploy it with ignoreWarnings, since Salesforce warns about a companion that is already gone.
     */
    public MetadataPackage deletion(String apiName) {
        Map<EcaComponentType, String> members = new LinkedHashMap<>();
        for (EcaComponentType type : EcaComponentType.writtenByBot()) members.put(type, type.memberName(apiName));
        return deletion(members);
    }

    /** The deletion package for components with the given member names (e.g. those of an imported app). */
    public MetadataPackage deletion(Map<EcaComponentType, String> memberNames) {
        if (!memberNames.containsKey(EcaComponentType.APP)) {
            throw new IllegalArgumentException("a deletion needs the ExternalClientApplication member to delete");
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        memberNames.forEach((type, member) -> members.put(type.xmlName(), List.of(member)));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package.xml", PackageManifest.packageXml(Map.of(), apiVersion));
        files.put("destructiveChanges.xml", PackageManifest.destructiveChangesXml(members));
        return new MetadataPackage(files);
    }

    private void add(Map<String, byte[]> files, Map<String, List<String>> members, EcaComponentType type,
                     EcaSpec spec, MetadataXml xml) {
        String member = type.memberName(spec.apiName());
        files.put(type.path(member, format), xml.toBytes());
        members.put(type.xmlName(), List.of(member));
    }
}
