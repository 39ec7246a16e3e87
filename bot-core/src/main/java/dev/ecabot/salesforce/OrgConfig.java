package dev.ecabot.salesforce;

import java.net.URI;
import java.util.Objects;

/**
 * One Salesforce org from the configuration file: the name users pick in chat, production or sandbox,
 * where to sign in (login host or My Domain URL), the API version and how the bot signs in. Immutable;
 * validated by {@link ConfigLoader}.
 */
public record OrgConfig(String name, OrgEnvironment environment, URI loginUrl, String apiVersion, OrgAuth auth) {

    public static final String DEFAULT_API_VERSION = "68.0";

    public OrgConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(auth, "auth");
    }
}
