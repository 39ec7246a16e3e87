package dev.ecabot.eca;

import java.util.Optional;

/**
 * The Metadata API types that together make one External Client App (the bot writes the first five; see
 * {@link #writtenByBot()}), with the folder, file suffix and
 * member-name suffix each uses (as forcedotcom/source-deploy-retrieve's metadataRegistry.json and the Metadata API
 * guide give them; member suffixes are the ones Setup generates, e.g. {@code MyApp_glbloauth}).
 */
public enum EcaComponentType {
    APP("ExternalClientApplication", "externalClientApps", "eca", ""),
    GLOBAL_OAUTH("ExtlClntAppGlobalOauthSettings", "extlClntAppGlobalOauthSets", "ecaGlblOauth", "_glbloauth"),
    OAUTH_SETTINGS("ExtlClntAppOauthSettings", "extlClntAppOauthSettings", "ecaOauth", "_oauth"),
    OAUTH_POLICIES("ExtlClntAppOauthConfigurablePolicies", "extlClntAppOauthPolicies", "ecaOauthPlcy", "_oauthPlcy"),
    POLICIES("ExtlClntAppConfigurablePolicies", "extlClntAppPolicies", "ecaPlcy", "_plcy"),
    /**
     * OAuth security settings: folder and suffix as the Salesforce CLI's registry names them. The bot reads and
     * keeps this component but never writes it (its member-name suffix is the bot's guess; readers list the
     * type to find the real names).
     */
    OAUTH_SECURITY("ExtlClntAppOauthSecuritySettings", "extlClntAppOauthSecuritySettings", "ecaOauthSecurity", "_oauthSecurity");

    /** The namespace of every metadata file and of package.xml. */
    public static final String METADATA_NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    private final String xmlName;
    private final String directoryName;
    private final String suffix;
    private final String memberSuffix;

    EcaComponentType(String xmlName, String directoryName, String suffix, String memberSuffix) {
        this.xmlName = xmlName;
        this.directoryName = directoryName;
        this.suffix = suffix;
        this.memberSuffix = memberSuffix;
    }

    /** The types the bot writes and deletes: every type but {@link #OAUTH_SECURITY}. */
    public static java.util.List<EcaComponentType> writtenByBot() {
        return java.util.List.of(APP, GLOBAL_OAUTH, OAUTH_SETTINGS, OAUTH_POLICIES, POLICIES);
    }

    /** The type name in package.xml, which is also the root element of the component's file. */
    public String xmlName() {
        return xmlName;
    }

    public String directoryName() {
        return directoryName;
    }

    /** The file suffix without a dot, e.g. {@code ecaGlblOauth}. */
    public String suffix() {
        return suffix;
    }

    /** The member (fullName) the bot gives this component of app {@code apiName}, e.g. {@code MyApp_oauthPlcy}. */
    public String memberName(String apiName) {
        return apiName + memberSuffix;
    }

    /** The path of a member's file inside a package, in the given format. */
    public String path(String memberName, MetadataFormat format) {
        return directoryName + "/" + memberName + "." + suffix + format.fileNameEnding();
    }

    /** True when {@code fileName} is a file of this type in either format (e.g. {@code X.eca} or {@code X.eca-meta.xml}). */
    public boolean matchesFileName(String fileName) {
        return fileName.endsWith("." + suffix) || fileName.endsWith("." + suffix + MetadataFormat.SOURCE.fileNameEnding());
    }

    /** The type whose root element / package.xml name is {@code xmlName}. */
    public static Optional<EcaComponentType> fromXmlName(String xmlName) {
        for (EcaComponentType t : values()) {
            if (t.xmlName.equals(xmlName)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The type of a file, judged by its name's suffix. */
    public static Optional<EcaComponentType> fromFileName(String fileName) {
        for (EcaComponentType t : values()) {
            if (t.matchesFileName(fileName)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
