package dev.ecabot.emulator;

import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Router;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The Jetty handler in front of the emulator: applies injected faults, turns Jetty's request into an
 * {@link ApiRequest} for the router, writes the answer and records the call (never bodies or headers).
 * Blocking, as the emulator's resources are; thread-safe.
 */
final class EmulatorHandler extends Handler.Abstract {

    private final Router router;
    private final Faults faults;
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();

    EmulatorHandler(Router router, Faults faults) {
        this.router = router;
        this.faults = faults;
    }

    List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long received = System.nanoTime();
        // Clients that join an instance URL ending in "/" send "//services/...": Salesforce serves those.
        String path = Request.getPathInContext(request).replaceAll("/{2,}", "/");
        if (faults.takeDrop()) {
            calls.add(new RecordedCall(request.getMethod(), path, 0, Instant.now()));
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("connection dropped by fault injection"));
            return true;
        }
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        ApiResponse answer = faults.takeFailure()
                .map(EmulatorHandler::serverError)
                .orElseGet(() -> router.dispatch(toApiRequest(request, path, body)));
        calls.add(new RecordedCall(request.getMethod(), path, answer.status(), Instant.now(),
                java.time.Duration.ofNanos(System.nanoTime() - received)));
        faults.answered(request.getMethod());
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    private static ApiRequest toApiRequest(Request request, String path, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        Map<String, String> query = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValue());
        }
        return new ApiRequest(request.getMethod(), path, query, headers, body, null);
    }

    private static ApiResponse serverError(int status) {
        return status == 503
                ? ApiResponse.restError(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable (injected fault)")
                : ApiResponse.restError(status, "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred. Please include this ErrorId if you contact support: "
                                + "emulator-injected-fault");
    }
}
