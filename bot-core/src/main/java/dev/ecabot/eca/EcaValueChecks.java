package dev.ecabot.eca;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of single values an ECA carries (email, URLs, IPv4 addresses, certificates), each answering the problem
 * in words with the fix, or empty when the value is fine. Reused by the spec validator and by playbook questions.
 * Stateless.
 */
public final class EcaValueChecks {

    /**
     * Deliberately simple: one @, no spaces, a domain of dot-separated labels of letters, digits and inner hyphens
     * (no label starts or ends with a hyphen: "ops@-example.com" is refused), ending in a top-level domain of at least
     * two letters. Salesforce checks deliverability itself.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s.][^@\\s]*@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}"
            + "[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Schemes that run code or read files in a browser: never an OAuth redirect target. */
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about", "blob");

    private EcaValueChecks() {
    }

    public static Optional<String> email(String value) {
        if (value == null || value.isBlank()) return Optional.of("an email address is required, e.g. admin@example.com");
        if (!EMAIL.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not an email address; write it as name@example.com");
        }
        return Optional.empty();
    }

    /**
     * A callback (redirect) URL: absolute, https; http only for a loopback address (local tools such as the sf CLI
     * at http://localhost:1717); a custom scheme such as cursor:// only when {@code allowCustomSchemes} (desktop
     * clients); never a fragment, which OAuth 2.0 forbids in redirect URIs.
     */
    public static Optional<String> callbackUrl(String value, boolean allowCustomSchemes) {
        Optional<URI> parsed = absoluteUri(value);
        if (parsed.isEmpty()) {
            return Optional.of("'" + value + "' is not an absolute URL; write the full address, e.g. https://app.example.com/oauth/callback");
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawFragment() != null) {
            return Optional.of("'" + value + "' has a #fragment, which OAuth does not allow in a callback URL; remove it");
        }
        if (scheme.equals("https")) return hostRequired(uri, value);
        if (scheme.equals("http")) {
            if (uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) return Optional.empty();
            return Optional.of("'" + value + "' uses http; use https (http is accepted only for localhost)");
        }
        if (DANGEROUS_SCHEMES.contains(scheme)) {
            return Optional.of("'" + value + "' uses the " + scheme + ": scheme, which is never a valid callback; use an https URL");
        }
        if (!allowCustomSchemes) {
            return Optional.of("'" + value + "' uses the custom scheme " + scheme + "://, which this integration does not "
                    + "allow; use an https URL");
        }
        return Optional.empty();
    }

    /** An absolute https URL (logo, icon, single logout). */
    public static Optional<String> httpsUrl(String value) {
        Optional<URI> parsed = absoluteUri(value);
        if (parsed.isEmpty() || !parsed.get().getScheme().equalsIgnoreCase("https")) {
            return Optional.of("'" + value + "' is not an absolute https URL; write it as https://host/path");
        }
        return hostRequired(parsed.get(), value);
    }

    /** A dotted-quad IPv4 address such as 203.0.113.10. */
    public static Optional<String> ipv4(String value) {
        if (value == null || !IPV4.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not an IPv4 address; write four numbers 0-255 separated by dots, e.g. 203.0.113.10");
        }
        return Optional.empty();
    }

    /** A range of two valid IPv4 addresses whose start is not after its end. */
    public static Optional<String> ipRange(String start, String end) {
        Optional<String> bad = ipv4(start).or(() -> ipv4(end));
        if (bad.isPresent()) return bad;
        if (Long.compareUnsigned(ipv4Value(start), ipv4Value(end)) > 0) {
            return Optional.of("the range starts at " + start + ", after its end " + end + "; swap the two addresses");
        }
        return Optional.empty();
    }

    /** A PEM certificate, or its base64 body as retrieved files hold it, that parses as X.509. */
    public static Optional<String> certificate(String value) {
        String body = value == null ? "" : value.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return Optional.empty();
        } catch (IllegalArgumentException | CertificateException e) {
            return Optional.of("the certificate is not a PEM-encoded X.509 certificate; paste the whole "
                    + "-----BEGIN CERTIFICATE----- block of the public certificate (never the private key)");
        }
    }

    static long ipv4Value(String address) {
        long value = 0;
        for (String part : address.split("\\.")) value = value * 256 + Integer.parseInt(part);
        return value;
    }

    private static Optional<URI> absoluteUri(String value) {
        if (value == null || value.isBlank() || !value.strip().equals(value)) return Optional.empty();
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> hostRequired(URI uri, String value) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("'" + value + "' has no host name; write it as https://host/path");
        }
        return Optional.empty();
    }
}
