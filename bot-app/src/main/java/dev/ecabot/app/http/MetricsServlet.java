package dev.ecabot.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code GET /metrics}: the Prometheus text format, only for {@code Authorization: Bearer <ECABOT_METRICS_TOKEN>}. */
final class MetricsServlet extends HttpServlet {

    private final PrometheusMeterRegistry registry;
    private final byte[] expected;

    MetricsServlet(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String auth = req.getHeader("Authorization");
        if (auth == null || !MessageDigest.isEqual(expected, auth.strip().getBytes(StandardCharsets.UTF_8))) {
            resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            resp.setHeader("WWW-Authenticate", "Bearer");
            resp.setContentType("text/plain");
            resp.getWriter().write(PlainErrors.text(401) + "\n");
            return;
        }
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(registry.scrape());
    }
}
