package dev.ecabot.app.http;

import dev.ecabot.app.health.Readiness;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/** {@code GET /readyz}: 200 "ready", or 503 with what is not ready, one line each (for probes and people). */
final class ReadyServlet extends HttpServlet {

    private final Readiness readiness;

    ReadyServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> problems = readiness.problems();
        resp.setContentType("text/plain");
        resp.setHeader("Cache-Control", "no-store");
        if (problems.isEmpty()) {
            resp.getWriter().write("ready");
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.getWriter().write("not ready\n" + String.join("\n", problems) + "\n");
    }
}
