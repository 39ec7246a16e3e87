package dev.ecabot.salesforce;

import dev.ecabot.vault.Secret;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/** How the bot obtains an access token for one org. Holds no secret in plain text. */
public sealed interface SignInMethod {

    /** A short description for messages, e.g. "JWT bearer as bot@acme.com". Never contains a secret. */
    String describe();

    /** OAuth 2.0 JWT bearer: an RS256 assertion signed with the private key of the bot's own ECA. */
    record JwtBearer(String consumerKey, String username, Path privateKeyFile) implements SignInMethod {
        public JwtBearer {
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        }

        @Override
        public String describe() {
            return "JWT bearer as " + username;
        }
    }

    /**
     * OAuth 2.0 client credentials. The values are looked up when a token is needed (from environment variables
     * for configured orgs), so a missing variable is reported for that org alone, not at start-up.
     */
    record ClientCredentials(String source, Supplier<String> clientId, Supplier<Secret> clientSecret) implements SignInMethod {
        public ClientCredentials {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        /** Fixed values, e.g. those of the in-process demo org. */
        public static ClientCredentials of(String clientId, Secret clientSecret) {
            return new ClientCredentials("built-in credentials", () -> clientId, () -> clientSecret);
        }

        @Override
        public String describe() {
            return "client credentials (" + source + ")";
        }
    }
}
