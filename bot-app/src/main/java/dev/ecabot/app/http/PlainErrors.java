package dev.ecabot.app.http;

import org.eclipse.jetty.server.Request;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Error answers that say only the status: no exception, message, stack, servlet name or server version, whatever
 * the caller asks for (HTML, JSON, text). One for Jetty's server level (bad requests, bodies over the limit),
 * one for the servlet context (404s, errors from servlets).
 */
final class PlainErrors {

    private PlainErrors() {
    }

    static String text(int code) {
        return "Error " + code;
    }

    static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
        ForServer() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
            setShowOrigin(false);
        }

        @Override
        protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                      Throwable cause) throws java.io.IOException {
            writer.write("<html><body><h2>" + text(code) + "</h2></body></html>\n");
        }

        @Override
        protected void writeErrorPlain(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(text(code) + "\n");
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write("{\"status\":" + code + "}");
        }
    }

    static final class ForServlets extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        ForServlets() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
            setShowOrigin(false);
        }

        @Override
        protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                      Throwable cause) throws java.io.IOException {
            writer.write("<html><body><h2>" + text(code) + "</h2></body></html>\n");
        }

        @Override
        protected void writeErrorPlain(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(text(code) + "\n");
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write("{\"status\":" + code + "}");
        }
    }
}
