package dev.ecabot.app.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for images without curl: {@code java -cp ... dev.ecabot.app.http.ReadyProbe URL}
 * exits 0 when the URL answers 200, 1 otherwise (printing what it got).
 */
public final class ReadyProbe {

    private ReadyProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:3000/readyz";
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(4)).build(),
                            HttpResponse.BodyHandlers.ofString());
            System.out.println(r.statusCode() + " " + r.body().strip());
            System.exit(r.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println("not answering: " + e.getClass().getSimpleName());
            System.exit(1);
        }
    }
}
