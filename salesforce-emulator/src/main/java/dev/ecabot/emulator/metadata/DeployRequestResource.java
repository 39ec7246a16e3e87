package dev.ecabot.emulator.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.http.Route;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.Attributes;

/**
 * The REST Metadata API's deploy endpoints: POST .../metadata/deployRequest (multipart: a "json" part with
 * deployOptions and a "file" part with the zip), GET .../deployRequest/{id}[?includeDetails=true], and PATCH
 * .../deployRequest/{id} with {"deployResult":{"status":"Canceling"}}. Thread-safe.
 */
public final class DeployRequestResource {

    private static final String BASE = "/services/data/(v\\d+\\.\\d)/metadata/deployRequest";
    /** Salesforce's limit on a deploy zip. */
    private static final long MAX_ZIP_BYTES = 39L * 1024 * 1024;

    private final DeployService deploys;
    private final Supplier<String> baseUrl;

    public DeployRequestResource(DeployService deploys, Supplier<String> baseUrl) {
        this.deploys = deploys;
        this.baseUrl = baseUrl;
    }

    public List<Route> routes() {
        return List.of(
                Route.post(BASE, this::submit),
                Route.get(BASE + "/([A-Za-z0-9]{15,18})", this::status),
                Route.patch(BASE + "/([A-Za-z0-9]{15,18})", this::cancel));
    }

    private ApiResponse submit(ApiRequest request, Matcher path) throws IOException {
        String contentType = request.header("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return ApiResponse.restError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "Content type '" + contentType + "' is not supported: send multipart/form-data with a json part and a file part");
        }
        MultiPartFormData.Parts parts;
        try {
            parts = parse(request, contentType);
        } catch (RuntimeException | IOException e) {
            return ApiResponse.restError(400, "INVALID_MULTIPART_REQUEST", "The multipart body could not be read: "
                    + e.getMessage());
        }
        try (parts) {
            // "json" as Salesforce's guide names it; "entity_content" as jsforce and the Salesforce CLI send it.
            MultiPart.Part json = parts.getFirst("json") != null ? parts.getFirst("json") : parts.getFirst("entity_content");
            MultiPart.Part file = parts.getFirst("file");
            if (json == null || file == null) {
                return ApiResponse.restError(400, "INVALID_MULTIPART_REQUEST",
                        "The request needs a part named \"json\" or \"entity_content\" (deployOptions) and a part named \"file\" (the zip)");
            }
            DeployOptions options;
            try {
                JsonNode tree = Json.MAPPER.readTree(json.getContentAsString(StandardCharsets.UTF_8));
                options = DeployOptions.fromJson(tree == null ? Json.object() : tree);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return ApiResponse.restError(400, "JSON_PARSER_ERROR", e.getMessage());
            }
            byte[] zip = Content.Source.asInputStream(file.getContentSource()).readAllBytes();
            DeployJob job = deploys.submit(options, zip, request.session().userId(), request.session().username());
            return ApiResponse.json(201, DeployResultJson.accepted(job.snapshot()));
        }
    }

    private ApiResponse status(ApiRequest request, Matcher path) {
        Optional<DeployJob> job = deploys.job(path.group(2));
        if (job.isEmpty()) {
            return ApiResponse.notFound();
        }
        boolean details = request.queryParam("includeDetails").map(Boolean::parseBoolean).orElse(false);
        String url = baseUrl.get() + "/services/data/" + path.group(1) + "/metadata/deployRequest/" + job.get().id()
                + (details ? "?includeDetails=true" : "");
        return ApiResponse.json(200, DeployResultJson.status(job.get().snapshot(), url, details));
    }

    private ApiResponse cancel(ApiRequest request, Matcher path) {
        Optional<DeployJob> job = deploys.job(path.group(2));
        if (job.isEmpty()) {
            return ApiResponse.notFound();
        }
        String status;
        try {
            status = Json.MAPPER.readTree(request.body()).path("deployResult").path("status").asText("");
        } catch (IOException e) {
            return ApiResponse.restError(400, "JSON_PARSER_ERROR", e.getMessage());
        }
        if (!status.equals("Canceling")) {
            return ApiResponse.restError(400, "INVALID_FIELD",
                    "Only {\"deployResult\":{\"status\":\"Canceling\"}} is accepted, got status '" + status + "'");
        }
        if (!deploys.cancel(job.get(), request.session().userId(), request.session().username())) {
            return ApiResponse.restError(400, "INVALID_STATUS", "Deploy " + job.get().id()
                    + " can't be canceled: it already finished with status " + job.get().snapshot().status());
        }
        String url = baseUrl.get() + "/services/data/" + path.group(1) + "/metadata/deployRequest/" + job.get().id();
        return ApiResponse.json(202, DeployResultJson.status(job.get().snapshot(), url, false));
    }

    private static MultiPartFormData.Parts parse(ApiRequest request, String contentType) throws IOException {
        if (MultiPart.extractBoundary(contentType) == null) {
            throw new IOException("the Content-Type has no boundary");
        }
        MultiPartConfig config = new MultiPartConfig.Builder()
                .maxParts(10)
                .maxSize(MAX_ZIP_BYTES + 1024 * 1024)
                .maxPartSize(MAX_ZIP_BYTES)
                .maxMemoryPartSize(MAX_ZIP_BYTES)
                .build();
        return MultiPartFormData.getParts(new ByteBufferContentSource(ByteBuffer.wrap(request.body())),
                new Attributes.Mapped(), contentType, config);
    }
}
