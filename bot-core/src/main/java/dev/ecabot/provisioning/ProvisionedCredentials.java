package dev.ecabot.provisioning;

import dev.ecabot.access.Requester;
import dev.ecabot.vault.Secret;

import java.util.Optional;

/** The credentials of a new app, on their way to the requester: the consumer key and, if delivered, the secret. */
public record ProvisionedCredentials(String runId, String org, String apiName, Requester requester, String consumerKey,
                                     Optional<Secret> consumerSecret) {
}
