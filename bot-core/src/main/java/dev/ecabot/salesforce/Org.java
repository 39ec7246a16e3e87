package dev.ecabot.salesforce;


import java.net.URI;
import java.util.Objects;

/**
 * A Salesforce org the bot can work in: the name users pick in chat, production or sandbox, where the bot signs
 * in (login host or My Domain URL), the API version and how it signs in. Immutable.
 */
public record Org(String name, OrgEnvironment environment, URI loginUrl, String apiVersion, SignInMethod signIn, boolean demo) {

    public Org {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(signIn, "signIn");
    }

    /** Where the OAuth token endpoint is: {@code {loginUrl}/services/oauth2/token}. */
    public URI tokenEndpoint() {
        return URI.create(stripSlash(loginUrl.toString()) + "/services/oauth2/token");
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
