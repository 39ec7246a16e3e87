package dev.ecabot.playbook;

import dev.ecabot.eca.ApiNames;
import dev.ecabot.eca.EcaSpecValidator;
import dev.ecabot.eca.EcaValueChecks;
import dev.ecabot.eca.TrustedIpRange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns the text a person typed into the typed value of a {@link QuestionType}, or an error message that starts
 * with the question id and says how to fix the answer. Stateless and thread-safe.
 */
final class AnswerParser {

    /** Salesforce's limit on trusted IP ranges per app. */
    static final int MAX_IP_RANGES = EcaSpecValidator.MAX_TRUSTED_IP_RANGES;

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\n]+");
    private static final Pattern URL_SEPARATOR = Pattern.compile("[,;\\s]+");

    private AnswerParser() {
    }

    static ParseResult parse(Question q, String raw) {
        String text = raw.strip();
        try {
            refuseControlCharacters(text);
            Answer answer = switch (q.type()) {
                case CHOICE -> choice(q, text);
                case MULTI_CHOICE -> multiChoice(q, text);
                case TEXT, ORG -> single(q, text);
                case TEXT_LIST -> textList(q, text);
                case EMAIL -> email(q, text);
                case USER -> user(q, text);
                case URL -> new Answer(url(q, text), text);
                case URL_LIST -> urlList(q, text);
                case API_NAME -> apiName(q, text);
                case NUMBER -> number(q, text);
                case YES_NO -> yesNo(q, text);
                case IP_RANGE_LIST -> ipRanges(q, text);
                case CERTIFICATE -> certificate(q, text);
            };
            return ParseResult.of(answer);
        } catch (InvalidAnswer e) {
            return ParseResult.error(q.id() + ": " + e.getMessage());
        }
    }

    /**
     * Invisible control characters (a bell, an escape sequence pasted from a terminal) would end up in the app's
     * metadata files, which XML forbids: refused where the answer enters. Line breaks and tabs stay allowed.
     */
    private static void refuseControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidAnswer(String.format(Locale.ROOT, "the answer contains an invisible control character "
                        + "(U+%04X) at position %d; type it again without it (pasted text can carry these)", (int) c, i + 1));
            }
        }
    }

    /** Spaces to underscores, then the API name rules of seed 002 (see {@link ApiNames#deriveFrom}). */
    static String deriveApiName(String label) {
        return ApiNames.deriveFrom(label);
    }

    private static Answer choice(Question q, String text) {
        Option option = findOption(q, text).orElseThrow(() -> new InvalidAnswer(
                "'" + text + "' is not one of the options; answer one of: " + optionList(q)));
        return new Answer(option.value(), option.value());
    }

    private static Answer multiChoice(Question q, String text) {
        // A whole label may itself contain commas, e.g. "Access the identity URL service (id, profile, ...)".
        Optional<Option> whole = findOption(q, text);
        List<String> parts = whole.isPresent() ? List.of(text) : split(text, LIST_SEPARATOR);
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String part : parts) {
            Option option = findOption(q, part).orElseThrow(() -> new InvalidAnswer("'" + part
                    + "' is not one of the options; answer one or more of: " + optionList(q) + " (comma separated)"));
            values.add(option.value());
        }
        List<String> list = List.copyOf(values);
        checkItems(q, list.size());
        return new Answer(list, String.join(", ", list));
    }

    private static Answer single(Question q, String text) {
        checkLength(q, text);
        checkPattern(q, text);
        return new Answer(text, text);
    }

    private static Answer textList(Question q, String text) {
        List<String> items = split(text, LIST_SEPARATOR);
        checkItems(q, items.size());
        for (String item : items) {
            checkLength(q, item);
            checkPattern(q, item);
        }
        return new Answer(items, String.join(", ", items));
    }

    private static Answer email(Question q, String text) {
        EcaValueChecks.email(text).ifPresent(AnswerParser::fail);
        return new Answer(text, text);
    }

    private static Answer user(Question q, String text) {
        if (EcaValueChecks.email(text).isPresent()) {
            fail("'" + text + "' is not a Salesforce username; usernames look like an email address, e.g. "
                    + "integration.user@acme.com (see the user's record in Setup > Users)");
        }
        checkPattern(q, text);
        return new Answer(text, text);
    }

    /** A URL as Salesforce accepts callbacks: https (http only for localhost), custom schemes only when allowed. */
    private static String url(Question q, String text) {
        EcaValueChecks.callbackUrl(text, q.validation().allowCustomSchemes()).ifPresent(AnswerParser::fail);
        checkPattern(q, text);
        return text;
    }

    private static Answer urlList(Question q, String text) {
        List<String> urls = new ArrayList<>();
        for (String part : split(text, URL_SEPARATOR)) urls.add(url(q, part));
        checkItems(q, urls.size());
        return new Answer(List.copyOf(urls), String.join(", ", urls));
    }

    private static Answer apiName(Question q, String text) {
        List<String> problems = ApiNames.problems(text);
        if (!problems.isEmpty()) fail(String.join("; ", problems));
        return new Answer(text, text);
    }

    private static Answer number(Question q, String text) {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidAnswer("'" + text + "' is not a whole number");
        }
        Validation v = q.validation();
        if (v.min() != null && n < v.min()) throw new InvalidAnswer(n + " is below the minimum " + v.min() + rangeHint(v));
        if (v.max() != null && n > v.max()) throw new InvalidAnswer(n + " is above the maximum " + v.max() + rangeHint(v));
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) throw new InvalidAnswer(n + " is too large");
        return new Answer((int) n, Long.toString(n));
    }

    private static String rangeHint(Validation v) {
        if (v.min() != null && v.max() != null) return "; answer a number from " + v.min() + " to " + v.max();
        return "";
    }

    private static Answer yesNo(Question q, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "on" -> new Answer(Boolean.TRUE, "yes");
            case "no", "n", "false", "off" -> new Answer(Boolean.FALSE, "no");
            default -> throw new InvalidAnswer("'" + text + "' is not yes or no; answer yes or no");
        };
    }

    private static Answer ipRanges(Question q, String text) {
        List<TrustedIpRange> ranges = new ArrayList<>();
        for (String part : split(text.replaceAll("\\s*-\\s*", "-"), URL_SEPARATOR)) {
            ranges.add(ipRange(part));
        }
        if (ranges.size() > MAX_IP_RANGES) {
            throw new InvalidAnswer(ranges.size() + " IP ranges given; Salesforce allows at most " + MAX_IP_RANGES
                    + " per app, so merge neighbouring ranges");
        }
        checkItems(q, ranges.size());
        String canonical = ranges.stream().map(r -> r.startIpAddress() + "-" + r.endIpAddress())
                .collect(Collectors.joining(", "));
        return new Answer(List.copyOf(ranges), canonical);
    }

    private static TrustedIpRange ipRange(String part) {
        String[] ends = part.split("-", -1);
        if (ends.length > 2) fail("'" + part + "' is not an IP range; write start-end, e.g. 203.0.113.0-203.0.113.255");
        String start = ends[0].strip();
        String end = ends.length == 2 ? ends[1].strip() : start;
        EcaValueChecks.ipRange(start, end).ifPresent(AnswerParser::fail);
        return new TrustedIpRange(start, end, null);
    }

    private static Answer certificate(Question q, String text) {
        if (!text.startsWith("-----BEGIN CERTIFICATE-----")) {
            fail("not a PEM certificate; paste the whole text from -----BEGIN CERTIFICATE----- to "
                    + "-----END CERTIFICATE----- (the public certificate, never the private key)");
        }
        EcaValueChecks.certificate(text).ifPresent(AnswerParser::fail);
        return new Answer(text, text);
    }

    private static Optional<Option> findOption(Question q, String text) {
        for (Option o : q.options()) {
            if (o.value().equalsIgnoreCase(text)) return Optional.of(o);
        }
        for (Option o : q.options()) {
            if (o.label().equalsIgnoreCase(text)) return Optional.of(o);
        }
        return Optional.empty();
    }

    private static String optionList(Question q) {
        return q.options().stream().map(Option::value).collect(Collectors.joining(", "));
    }

    private static List<String> split(String text, Pattern separator) {
        List<String> out = new ArrayList<>();
        for (String part : separator.split(text)) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static void checkLength(Question q, String text) {
        Validation v = q.validation();
        if (v.minLength() != null && text.length() < v.minLength()) {
            throw new InvalidAnswer("'" + text + "' is shorter than " + v.minLength() + " characters");
        }
        if (v.maxLength() != null && text.length() > v.maxLength()) {
            throw new InvalidAnswer("'" + text + "' is longer than " + v.maxLength() + " characters");
        }
    }

    private static void checkPattern(Question q, String text) {
        Validation v = q.validation();
        if (v.pattern() == null) return;
        boolean matches;
        try {
            matches = Pattern.compile(v.pattern()).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            matches = false; // the loader rejects such playbooks; never reached for a loaded one
        }
        if (!matches) {
            throw new InvalidAnswer("'" + text + "' " + (v.patternHint() != null ? v.patternHint()
                    : "does not match the pattern " + v.pattern()));
        }
    }

    private static void checkItems(Question q, int count) {
        Integer max = q.validation().maxItems();
        if (max != null && count > max) {
            throw new InvalidAnswer(count + " items given; at most " + max + " allowed");
        }
    }

    private static void fail(String message) {
        throw new InvalidAnswer(message);
    }

    /** An answer that does not parse; the message says what is wrong and how to fix it. */
    private static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
