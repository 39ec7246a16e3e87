package dev.ecabot.emulator.auth;

import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.OrgState;
import java.time.Instant;
import java.util.Optional;

/**
 * Client credentials of the apps deployed to the org: an app's consumer key and secret sign in the app's run-as
 * user when both its global OAuth settings and its OAuth policies enable the client credentials flow and the
 * policies name a run-as user, once the org's activation delay after the app's creation is over. After a rotation the
 * replaced pair keeps working until it expires. Thread-safe.
 */
final class DeployedAppClients {

    private final OrgState org;

    DeployedAppClients(OrgState org) {
        this.org = org;
    }

    /** The client whose consumer key this is; its run-as username is blank when the flow is not set up. */
    Optional<AuthRegistry.SecretClient> find(String clientId, Instant now) {
        if (clientId == null) {
            return Optional.empty();
        }
        return org.consumerByKey(clientId, now)
                .filter(found -> active(found.consumer().appName(), now)) // a new app is unknown until it is active
                .map(found -> new AuthRegistry.SecretClient(clientId, found.secret(),
                        runAsUser(found.consumer().appName()).orElse("")));
    }

    private boolean active(String appName, Instant now) {
        return org.component(MetadataType.EXTERNAL_CLIENT_APPLICATION, appName)
                .map(app -> !app.createdDate().plus(org.clientActivationDelay()).isAfter(now)).orElse(true);
    }

    private Optional<String> runAsUser(String appName) {
        boolean globalFlow = org.companionsOf(appName).stream()
                .filter(c -> c.type() == MetadataType.GLOBAL_OAUTH_SETTINGS)
                .anyMatch(c -> c.flag("isClientCredentialsFlowEnabled"));
        return org.companionsOf(appName).stream()
                .filter(c -> c.type() == MetadataType.OAUTH_POLICIES)
                .filter(c -> globalFlow && c.flag("isClientCredentialsFlowEnabled"))
                .map((Component c) -> c.field("clientCredentialsFlowUser").orElse(""))
                .filter(user -> !user.isBlank())
                .findFirst();
    }
}
