package dev.ecabot.conversation.message;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;

/**
 * Renders neutral messages as plain lines: options numbered, defaults marked, summaries as "label: value".
 * The terminal chat and the test chat show this; other adapters can use it as notification fallback text. People
 * and moments inside texts ({@link InlineText}) show as names or ids and as "2026-12-03 16:37 UTC".
 * Stateless and thread-safe.
 */
public final class PlainText {

    private static final DateTimeFormatter UTC_TIME = InlineText.UTC;

    private PlainText() {
    }

    public static String render(ChatMessage message) {
        StringBuilder out = new StringBuilder();
        message.accept(new ChatMessage.Visitor<StringBuilder>() {
            @Override
            public StringBuilder visitText(TextMessage t) {
                return out.append(switch (t.tone()) {
                    case INFO -> "";
                    case WARNING -> "Warning: ";
                    case ERROR -> "Problem: ";
                }).append(t.text());
            }

            @Override
            public StringBuilder visitChoice(ChoicePrompt c) {
                if (c.error() != null) out.append("Problem: ").append(c.error()).append('\n');
                out.append(c.prompt());
                numbered(out, c.options(), c.defaultValue());
                return out;
            }

            @Override
            public StringBuilder visitForm(FormPrompt f) {
                out.append(f.title());
                for (FormField field : f.fields()) {
                    out.append('\n');
                    if (field.error() != null) out.append("Problem: ").append(field.error()).append('\n');
                    out.append(fieldLine(field));
                    if (field.help() != null) out.append("\n  (").append(field.help()).append(')');
                    numbered(out, field.options(), field.defaultValue());
                }
                return out;
            }

            @Override
            public StringBuilder visitSummary(Summary s) {
                summary(out, s);
                return out;
            }

            @Override
            public StringBuilder visitConfirmation(Confirmation c) {
                summary(out, c.summary());
                out.append("\n  1. ").append(c.confirmLabel()).append(" [").append(Confirmation.CONFIRM).append(']');
                return out.append("\n  2. ").append(c.cancelLabel()).append(" [").append(Confirmation.CANCEL).append(']');
            }

            @Override
            public StringBuilder visitProgress(ProgressUpdate p) {
                out.append(p.title());
                for (ProgressUpdate.Step step : p.steps()) {
                    out.append("\n  ").append(progressLine(step));
                }
                return out;
            }

            @Override
            public StringBuilder visitApprovalCard(ApprovalCard a) {
                approvalCard(out, a);
                return out;
            }

            @Override
            public StringBuilder visitRevealOffer(RevealOffer r) {
                return out.append(r.label()).append(": shown once, to you only. Say \"reveal ").append(r.offerId())
                        .append("\" to see it (offer open until ").append(UTC_TIME.format(r.expiresAt())).append(").");
            }

            @Override
            public StringBuilder visitFile(FileMessage f) {
                out.append(f.caption().isEmpty() ? f.fileName() : f.caption())
                        .append("\n--- ").append(f.fileName()).append(" ---\n").append(f.content());
                if (!f.content().endsWith("\n")) out.append('\n');
                return out.append("--- end of ").append(f.fileName()).append(" ---");
            }
        });
        return InlineText.plain(out.toString());
    }

    /** "Label [default: x]:" for one form field; the prompt line of a one-field-at-a-time terminal form. */
    public static String fieldLine(FormField field) {
        StringBuilder line = new StringBuilder(field.label());
        if (field.defaultValue() != null && !field.defaultValue().isEmpty()) {
            line.append(" [default: ").append(field.defaultValue()).append(']');
        } else if (!field.required() && !field.label().toLowerCase(Locale.ROOT).contains("optional")) {
            line.append(" [optional]");
        }
        char last = line.charAt(line.length() - 1);
        return last == '?' || last == ':' ? line.toString() : line.append(':').toString();
    }

    /** "[done] Deploying" and so on: one line per progress step. */
    public static String progressLine(ProgressUpdate.Step step) {
        String line = "[" + step.state().name().toLowerCase(Locale.ROOT) + "] " + step.label();
        return step.detail() == null ? line : line + ": " + step.detail();
    }

    private static void numbered(StringBuilder out, List<Option> options, String defaultValue) {
        int n = 1;
        for (Option o : options) {
            out.append("\n  ").append(n++).append(". ").append(o.label());
            if (!o.label().equals(o.value())) out.append(" [").append(o.value()).append(']');
            if (o.value().equals(defaultValue)) out.append(" (default)");
            if (o.hint() != null) out.append(" - ").append(o.hint());
        }
    }

    private static void approvalCard(StringBuilder out, ApprovalCard a) {
        out.append(a.title()).append("\n  Request: ").append(a.requestId()).append(" (check ").append(a.check()).append(')')
                .append("\n  Org: ").append(a.org()).append("\n  Playbook: ").append(a.playbook())
                .append("\n  Requested by: ").append(a.requester()).append("\n  Reason: ").append(a.reason());
        String section = "";
        for (Fact f : a.facts()) {
            if (!f.section().equals(section)) {
                section = f.section();
                if (!section.isEmpty()) out.append('\n').append(section);
            }
            out.append("\n  ").append(f.label());
            if (!f.value().isBlank()) out.append(": ").append(f.value());
        }
        if (a.decidable()) {
            out.append("\nOpen until ").append(UTC_TIME.format(a.expiresAt())).append(". Say \"approve ")
                    .append(a.requestId()).append("\" or \"deny ").append(a.requestId()).append(" <reason>\".");
        } else {
            out.append("\n").append(a.status().name().charAt(0)).append(a.status().name().substring(1).toLowerCase(Locale.ROOT));
            if (a.decidedBy() != null) out.append(" by ").append(a.decidedBy());
            if (a.decidedAt() != null) out.append(" at ").append(UTC_TIME.format(a.decidedAt()));
            if (a.note() != null && !a.note().isBlank()) out.append(": ").append(a.note());
        }
    }

    private static void summary(StringBuilder out, Summary s) {
        out.append(s.title());
        String section = "";
        for (Fact f : s.facts()) {
            if (!f.section().equals(section)) {
                section = f.section();
                if (!section.isEmpty()) out.append('\n').append(section);
            }
            out.append("\n  ").append(f.label());
            if (!f.value().isBlank()) out.append(": ").append(f.value());
        }
        for (String w : s.warnings()) out.append("\nWarning: ").append(w);
        for (String n : s.notes()) out.append("\n- ").append(n);
    }
}
