package dev.ecabot.app.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Catches what a platform's servlet throws: logs the method, path and exception class only (an exception's message
 * can quote the request body), and answers 500 with the status alone, never the exception or the server's name.
 */
final class SafeErrorsFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(SafeErrorsFilter.class);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            log.warn("{} {} failed ({}); the request body is not logged", req.getMethod(), req.getRequestURI(),
                    root.getClass().getName());
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                resp.setContentType("text/plain");
                resp.getWriter().write(PlainErrors.text(500) + "\n");
            }
        }
    }
}
