package dev.ecabot.app.http;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Checks Slack's request signature (X-Slack-Signature over the timestamp and the raw body, within 5 minutes)
 * before Bolt parses anything: an unsigned or wrongly signed request is answered 401 without being parsed or
 * logged. The body (already capped by the server) is read once and handed on unchanged.
 */
public final class SlackSignatureFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(SlackSignatureFilter.class);

    private final SlackSignature.Verifier verifier;

    public SlackSignatureFilter(String signingSecret) {
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equalsIgnoreCase(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        byte[] body = req.getInputStream().readAllBytes();
        String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        boolean valid;
        try {
            valid = timestamp != null && signature != null
                    && verifier.isValid(timestamp, new String(body, StandardCharsets.UTF_8), signature);
        } catch (RuntimeException malformed) {
            valid = false;
        }
        if (!valid) {
            log.warn("Refused a request to {} without a valid Slack signature ({} bytes; body not logged)",
                    req.getRequestURI(), body.length);
            resp.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            resp.setContentType("text/plain");
            resp.getWriter().write(PlainErrors.text(401) + "\n");
            return;
        }
        chain.doFilter(new CachedBody(req, body), resp);
    }

    /** The request with its body read already, for Bolt to read again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
