package dev.ecabot.salesforce;

import dev.ecabot.vault.Secret;

import java.net.URI;
import java.util.Objects;

/** An OAuth access token for one org and the instance URL its API calls go to. The token never prints. */
public record AccessToken(Secret value, URI instanceUrl) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
    }
}
