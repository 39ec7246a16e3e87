package dev.ecabot.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.ecabot.conversation.message.FileMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Shares a {@link FileMessage} (an inventory export) as a Slack file, the way files.uploadV2 does:
 * files.getUploadURLExternal (name and size) gives an upload URL and a file id, the bytes are POSTed to that URL,
 * and files.completeUploadExternal shares the file in the channel (and thread) with the caption as its comment.
 * Any step that fails throws {@link SlackCallFailed} (a 429 with Slack's Retry-After), so the outbox tries the whole
 * upload again later: a file uploaded but never completed is not shared, and Slack discards it. Thread-safe.
 */
final class SlackFileUploads {

    /** The upload step's name in errors and logs (it is not a Web API method). */
    static final String UPLOAD_STEP = "files.upload";
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final SlackWebApi api;
    private final HttpClient http;

    SlackFileUploads(SlackWebApi api, HttpClient http) {
        this.api = api;
        this.http = http;
    }

    /** Uploads {@code file} into {@code channel} ({@code threadTs} may be null); returns Slack's file id. */
    String share(String channel, String threadTs, FileMessage file) {
        byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
        FilesGetUploadURLExternalResponse target = api.call("files.getUploadURLExternal",
                c -> c.filesGetUploadURLExternal(r -> r.filename(file.fileName()).length(bytes.length)));
        send(target.getUploadUrl(), bytes, file.mediaType());
        api.call("files.completeUploadExternal", c -> c.filesCompleteUploadExternal(r -> r
                .files(List.of(FileDetails.builder().id(target.getFileId()).title(file.fileName()).build()))
                .channelId(channel).threadTs(threadTs).initialComment(file.caption().isEmpty() ? null : file.caption())));
        return target.getFileId();
    }

    private void send(String uploadUrl, byte[] bytes, String mediaType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", mediaType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SlackCallFailed(UPLOAD_STEP, "io_error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(UPLOAD_STEP, "io_error", e);
        }
        int status = response.statusCode();
        if (status == 200) return;
        if (status == 429) {
            throw new SlackCallFailed(UPLOAD_STEP, "ratelimited",
                    SlackWebApi.retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        throw new SlackCallFailed(UPLOAD_STEP, "http_" + status, null);
    }
}
