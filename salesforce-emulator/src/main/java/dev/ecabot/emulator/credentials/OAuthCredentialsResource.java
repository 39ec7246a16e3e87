package dev.ecabot.emulator.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.Consumer;
import dev.ecabot.emulator.org.OrgState;
import dev.ecabot.emulator.org.SalesforceIds;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect REST "OAuth Credentials" for External Client Apps:
 * GET .../apps/oauth/credentials/{appId} lists consumers; GET .../{appId}/{consumerId}?part=key|secret|keyandsecret
 * reads a consumer; .../{consumerId}/staged (GET, POST) and .../staged/{stagedId} (GET, PATCH {"command":"rotate"},
 * DELETE) manage the staged pair. Anything that returns a secret needs the org setting
 * enableClientSecretInRestApiAccess and the user's permission to view client secrets. Secrets are never logged.
 * Thread-safe.
 */
public final class OAuthCredentialsResource {

    private static final Logger log = LoggerFactory.getLogger(OAuthCredentialsResource.class);
    private static final String BASE = "/services/data/(v\\d+\\.\\d)/apps/oauth/credentials/([A-Za-z0-9]{15,18})";
    private static final String CONSUMER = BASE + "/([A-Za-z0-9]{15,18})";
    private static final String STAGED = CONSUMER + "/staged";
    private static final String STAGED_ONE = STAGED + "/([A-Za-z0-9]{15,18})";

    private final OrgState org;

    public OAuthCredentialsResource(OrgState org) {
        this.org = org;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(BASE, this::listConsumers),
                Route.get(CONSUMER, this::readConsumer),
                Route.get(STAGED, this::listStaged),
                Route.post(STAGED, this::stage),
                Route.get(STAGED_ONE, this::readStaged),
                Route.patch(STAGED_ONE, this::rotate),
                Route.delete(STAGED_ONE, this::revoke));
    }

    private ApiResponse listConsumers(ApiRequest request, Matcher path) {
        Optional<Component> app = org.appById(path.group(2));
        if (app.isEmpty()) {
            return ApiResponse.notFound();
        }
        String base = "/services/data/" + path.group(1) + "/apps/oauth/credentials/" + app.get().id();
        ObjectNode body = Json.object();
        ArrayNode consumers = body.putArray("consumers");
        org.consumerOf(app.get().fullName()).ifPresent(consumer -> consumers.addObject()
                .put("id", consumer.id())
                .put("key", consumer.key())
                .put("name", consumer.name())
                .put("stagedCredentialsUrl", base + "/" + consumer.id() + "/staged")
                .put("url", base + "/" + consumer.id()));
        body.put("currentPageUrl", base).putNull("nextPageUrl");
        return ApiResponse.json(200, body);
    }

    private ApiResponse readConsumer(ApiRequest request, Matcher path) {
        Optional<Consumer> consumer = consumer(path);
        if (consumer.isEmpty()) {
            return ApiResponse.notFound();
        }
        String part = request.queryParam("part").orElse("key");
        if (!List.of("key", "secret", "keyandsecret").contains(part)) {
            return ApiResponse.restError(400, "INVALID_API_INPUT",
                    "Invalid value for part: " + part + ". Use key, secret or keyandsecret.");
        }
        boolean wantsSecret = !part.equals("key");
        if (wantsSecret) {
            Optional<ApiResponse> refused = secretAccessRefused();
            if (refused.isPresent()) {
                return refused.get();
            }
            log.info("consumer secret of {} read over REST", consumer.get().appName());
        }
        Consumer c = consumer.get();
        ObjectNode body = Json.object().put("id", c.id())
                .put("key", part.equals("secret") ? null : c.key())
                .put("name", c.name())
                .put("secret", wantsSecret ? c.secret() : null)
                .put("url", "/services/data/" + path.group(1) + "/apps/oauth/credentials/" + path.group(2) + "/" + c.id());
        return ApiResponse.json(200, body);
    }

    private ApiResponse listStaged(ApiRequest request, Matcher path) {
        return withSecretAccess(path, consumer -> ApiResponse.json(200, stagedCollection(consumer, path)));
    }

    private ApiResponse stage(ApiRequest request, Matcher path) {
        return withSecretAccess(path, consumer -> {
            boolean packaged = org.component(MetadataType.EXTERNAL_CLIENT_APPLICATION, consumer.appName())
                    .flatMap(app -> app.field("distributionState")).map("Packaged"::equals).orElse(false);
            if (packaged) {
                // Staging is for local apps only (Salesforce Help); the exact wording of the refusal is a guess.
                return ApiResponse.restError(400, "INVALID_INPUT", "Credentials can be staged only for local external"
                        + " client apps; " + consumer.appName() + " is packaged.");
            }
            if (consumer.staged() != null && consumer.staged().expiresAt().isAfter(Instant.now())) {
                return ApiResponse.restError(400, "INVALID_INPUT", "This OAuth consumer already has "
                        + consumer.staged().state().toLowerCase(Locale.ROOT) + " credentials (" + consumer.staged().id()
                        + "). Delete them before staging new ones: only one staged credential is allowed.");
            }
            Consumer staged = org.stage(consumer, Instant.now());
            log.info("staged new credentials {} for {}", staged.staged().id(), staged.appName());
            return ApiResponse.json(201, stagedCollection(staged, path));
        });
    }

    private ApiResponse readStaged(ApiRequest request, Matcher path) {
        return withSecretAccess(path, consumer -> stagedMatching(consumer, path)
                .map(staged -> ApiResponse.json(200, stagedItem(staged, path)))
                .orElseGet(ApiResponse::notFound));
    }

    private ApiResponse rotate(ApiRequest request, Matcher path) {
        return withSecretAccess(path, consumer -> {
            Optional<Consumer.StagedCredential> staged = stagedMatching(consumer, path);
            if (staged.isEmpty()) {
                return ApiResponse.notFound();
            }
            String command;
            try {
                command = Json.MAPPER.readTree(request.body()).path("command").asText("");
            } catch (IOException e) {
                return ApiResponse.restError(400, "JSON_PARSER_ERROR", e.getMessage());
            }
            if (!command.equals("rotate")) {
                return ApiResponse.restError(400, "INVALID_API_INPUT",
                        "Invalid command '" + command + "': the only command is \"rotate\"");
            }
            if (!staged.get().state().equals("Staged") || !staged.get().expiresAt().isAfter(Instant.now())) {
                return ApiResponse.restError(400, "INVALID_INPUT", "Credentials " + staged.get().id()
                        + " are " + staged.get().state().toLowerCase(Locale.ROOT) + ", not staged: stage new credentials first.");
            }
            Consumer rotated = org.rotate(consumer, Instant.now());
            log.info("rotated credentials of {}", rotated.appName());
            return ApiResponse.json(200, stagedItem(rotated.staged(), path));
        });
    }

    private ApiResponse revoke(ApiRequest request, Matcher path) {
        return withSecretAccess(path, consumer -> {
            if (stagedMatching(consumer, path).isEmpty()) {
                return ApiResponse.notFound();
            }
            org.revokeStaged(consumer);
            log.info("revoked staged credentials of {}", consumer.appName());
            return ApiResponse.noContent();
        });
    }

    private ApiResponse withSecretAccess(Matcher path, Function<Consumer, ApiResponse> action) {
        Optional<Consumer> consumer = consumer(path);
        if (consumer.isEmpty()) {
            return ApiResponse.notFound();
        }
        return secretAccessRefused().orElseGet(() -> action.apply(consumer.get()));
    }

    /** Salesforce refuses secrets over REST unless the org setting and the user's permission allow them. */
    private Optional<ApiResponse> secretAccessRefused() {
        if (!org.secretsViaRestApi()) {
            return Optional.of(ApiResponse.restError(403, "FUNCTIONALITY_NOT_ENABLED", "Access to External Client "
                    + "App consumer secrets via the REST API is turned off for this org. Turn on \"Allow access to "
                    + "External Client App consumer secrets via REST API\" in Setup > External Client App Settings "
                    + "(ExternalClientAppSettings.enableClientSecretInRestApiAccess)."));
        }
        if (!org.userMayViewSecrets()) {
            return Optional.of(ApiResponse.restError(403, "INSUFFICIENT_ACCESS", "You don't have permission to view "
                    + "client secrets. Ask an admin to give this user the \"View Client Secret\" permission "
                    + "(with \"External Client App Developer\")."));
        }
        return Optional.empty();
    }

    private Optional<Consumer> consumer(Matcher path) {
        return org.appById(path.group(2))
                .flatMap(app -> org.consumerOf(app.fullName()))
                .filter(c -> SalesforceIds.sameId(c.id(), path.group(3)));
    }

    private static Optional<Consumer.StagedCredential> stagedMatching(Consumer consumer, Matcher path) {
        return Optional.ofNullable(consumer.staged())
                .filter(s -> SalesforceIds.sameId(s.id(), path.group(4)))
                .filter(s -> s.expiresAt().isAfter(Instant.now()));
    }

    private static ObjectNode stagedCollection(Consumer consumer, Matcher path) {
        String url = "/services/data/" + path.group(1) + "/apps/oauth/credentials/" + path.group(2) + "/"
                + consumer.id() + "/staged";
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("stagedCredentials");
        Optional.ofNullable(consumer.staged()).filter(s -> s.expiresAt().isAfter(Instant.now()))
                .ifPresent(staged -> items.add(stagedItem(staged, url)));
        body.put("url", url);
        return body;
    }

    private static ObjectNode stagedItem(Consumer.StagedCredential staged, Matcher path) {
        String url = "/services/data/" + path.group(1) + "/apps/oauth/credentials/" + path.group(2) + "/"
                + path.group(3) + "/staged";
        return stagedItem(staged, url);
    }

    private static ObjectNode stagedItem(Consumer.StagedCredential staged, String collectionUrl) {
        return Json.object()
                .put("expirationDate", Json.date(staged.expiresAt()))
                .put("id", staged.id())
                .put("key", staged.key())
                .put("secret", staged.secret())
                .put("state", staged.state())
                .put("url", collectionUrl + "/" + staged.id());
    }
}
