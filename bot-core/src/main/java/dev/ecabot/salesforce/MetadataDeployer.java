package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys metadata zips to one org through the REST Metadata API ({@code metadata/deployRequest}): starts a deploy
 * (or a checkOnly dry run), polls it with growing waits until done while reporting progress, and cancels it.
 * A Failed or Canceled deploy throws {@link DeployFailedException} listing each rejected component. Thread-safe.
 */
public final class MetadataDeployer {

    private final SalesforceHttp http;
    private final DeployPolling polling;
    private final Clock clock;

    MetadataDeployer(SalesforceHttp http, DeployPolling polling, Clock clock) {
        this.http = http;
        this.polling = polling;
        this.clock = clock;
    }

    /** Deploys {@code zip} and waits for the outcome; answers the succeeded result. */
    public DeployResult deploy(byte[] zip, DeployOptions options, DeployProgressListener listener) {
        return await(start(zip, options), listener);
    }

    /** Starts a deploy and answers its id (0Af...) without waiting. */
    public String start(byte[] zip, DeployOptions options) {
        // The "json" part (deploy options) and the "file" part (the zip), as multipart/form-data.
        HttpEntity body = MultipartEntityBuilder.create()
                .addBinaryBody("json", SalesforceHttp.writeJson(options.toJson()), ContentType.APPLICATION_JSON, null)
                .addBinaryBody("file", zip, ContentType.create("application/zip"), "deploy.zip")
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            body.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only
        }
        JsonNode answer = SalesforceHttp.json(http.send(t -> http.request(t, "metadata/deployRequest")
                .header("Content-Type", body.getContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(), "starting a deployment"));
        String id = answer == null ? null : answer.path("id").asText(null);
        if (id == null) throw new SalesforceException("Salesforce accepted the deployment but gave no deploy id.");
        return id;
    }

    /** The current state of deploy {@code deployId}, with component details. */
    public DeployResult check(String deployId) {
        JsonNode answer = http.getJson("metadata/deployRequest/" + deployId + "?includeDetails=true", "checking deployment " + deployId);
        return parse(deployId, answer);
    }

    /**
     * Polls {@code deployId} until it is done; Failed/Canceled throw, too long throws {@link DeployStillRunningException}.
     * The polling is a Failsafe retry policy on "not done yet": growing waits per {@link DeployPolling}, bounded by its
     * give-up time rather than a count.
     */
    public DeployResult await(String deployId, DeployProgressListener listener) {
        Instant started = clock.instant();
        dev.failsafe.RetryPolicy<DeployResult> untilDone = dev.failsafe.RetryPolicy.<DeployResult>builder()
                .handleResultIf(result -> !result.done())
                .withMaxRetries(-1)
                .withMaxDuration(polling.giveUpAfter())
                .withDelayFn(poll -> polling.delayBefore(poll.getAttemptCount()))
                .build();
        DeployResult last;
        try {
            last = Failsafe.with(untilDone).get(() -> {
                DeployResult result = check(deployId);
                listener.progress(result);
                return result;
            });
        } catch (FailsafeException e) {
            if (!(e.getCause() instanceof InterruptedException)) throw e;
            Thread.currentThread().interrupt();
            throw new DeployStillRunningException(http.org().name(), deployId, Duration.between(started, clock.instant()));
        }
        if (!last.done()) throw new DeployStillRunningException(http.org().name(), deployId, polling.giveUpAfter());
        return outcome(last);
    }

    /** Asks Salesforce to cancel a running deploy; answers the state right after the request. */
    public DeployResult cancel(String deployId) {
        JsonNode answer = http.sendJson("PATCH", "metadata/deployRequest/" + deployId,
                java.util.Map.of("deployResult", java.util.Map.of("status", "Canceling")), "canceling deployment " + deployId);
        return answer == null ? check(deployId) : parse(deployId, answer);
    }

    private DeployResult outcome(DeployResult result) {
        if (result.status() == DeployStatus.FAILED || result.status() == DeployStatus.CANCELED || result.status() == DeployStatus.SUCCEEDED_PARTIAL) {
            throw new DeployFailedException(http.org().name(), result.id(),
                    result.status() == DeployStatus.SUCCEEDED_PARTIAL ? DeployStatus.FAILED : result.status(), result.failures(), result.errorMessage());
        }
        return result;
    }

    static DeployResult parse(String deployId, JsonNode answer) {
        if (answer == null) throw new SalesforceException("Salesforce answered nothing about deployment " + deployId + ".");
        JsonNode r = answer.path("deployResult");
        if (r.isMissingNode()) throw new SalesforceException("Salesforce's answer about deployment " + deployId + " has no deployResult.");
        List<ComponentFailure> failures = new ArrayList<>();
        JsonNode f = r.path("details").path("componentFailures");
        // Salesforce sends a single failure as an object and several as an array.
        for (JsonNode one : f.isArray() ? f : (f.isObject() ? List.of(f) : List.<JsonNode>of())) {
            failures.add(new ComponentFailure(text(one, "componentType"), text(one, "fullName"), text(one, "fileName"),
                    text(one, "problemType"), text(one, "problem")));
        }
        return new DeployResult(answer.path("id").asText(deployId), DeployStatus.fromToken(r.path("status").asText("Pending")),
                r.path("checkOnly").asBoolean(false), r.path("numberComponentsDeployed").asInt(0),
                r.path("numberComponentsTotal").asInt(0), r.path("numberComponentErrors").asInt(0), failures,
                text(r, "errorMessage"), text(r, "stateDetail"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
