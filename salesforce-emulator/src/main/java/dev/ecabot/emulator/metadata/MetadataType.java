package dev.ecabot.emulator.metadata;

import java.util.Arrays;
import java.util.Optional;

/**
 * The External Client App metadata types the emulated org understands, with the folder and file suffix each
 * uses inside a deploy zip and the key prefix of the ids the org gives its records.
 * (ExternalClientApplication's real key prefix could not be confirmed; "0xI" stands in. The companion
 * prefixes are the emulator's own.)
 */
public enum MetadataType {
    EXTERNAL_CLIENT_APPLICATION("ExternalClientApplication", "externalClientApps", "eca", "0xI"),
    GLOBAL_OAUTH_SETTINGS("ExtlClntAppGlobalOauthSettings", "extlClntAppGlobalOauthSets", "ecaGlblOauth", "0xG"),
    OAUTH_SETTINGS("ExtlClntAppOauthSettings", "extlClntAppOauthSettings", "ecaOauth", "0xO"),
    OAUTH_POLICIES("ExtlClntAppOauthConfigurablePolicies", "extlClntAppOauthPolicies", "ecaOauthPlcy", "0xP"),
    CONFIGURABLE_POLICIES("ExtlClntAppConfigurablePolicies", "extlClntAppPolicies", "ecaPlcy", "0xC"),
    /** Folder and suffix as the Salesforce CLI's metadata registry names them. */
    OAUTH_SECURITY_SETTINGS("ExtlClntAppOauthSecuritySettings", "extlClntAppOauthSecuritySettings", "ecaOauthSecurity", "0xS");

    private final String apiName;
    private final String folder;
    private final String suffix;
    private final String keyPrefix;

    MetadataType(String apiName, String folder, String suffix, String keyPrefix) {
        this.apiName = apiName;
        this.folder = folder;
        this.suffix = suffix;
        this.keyPrefix = keyPrefix;
    }

    public String apiName() {
        return apiName;
    }

    public String folder() {
        return folder;
    }

    public String suffix() {
        return suffix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** True for the types that belong to an app through their externalClientApplication field. */
    public boolean isCompanion() {
        return this != EXTERNAL_CLIENT_APPLICATION;
    }

    public static Optional<MetadataType> byApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }

    public static Optional<MetadataType> byFolder(String folder) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
    }
}
