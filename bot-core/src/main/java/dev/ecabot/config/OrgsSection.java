package dev.ecabot.config;

import dev.ecabot.salesforce.OrgConfig;
import dev.ecabot.salesforce.OrgAuth;
import dev.ecabot.salesforce.OrgEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the {@code orgs} list of the configuration file. */
final class OrgsSection {

    private static final Pattern ORG_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern API_VERSION = Pattern.compile("(\\d{2,3})(\\.0)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The credentials API (consumer secret over REST) needs v62; older versions cannot deliver secrets. */
    private static final int MIN_API_VERSION = 62;

    private final ConfigNode orgs;
    private final Path baseDir;

    OrgsSection(ConfigNode orgs, Path baseDir) {
        this.orgs = orgs;
        this.baseDir = baseDir;
    }

    List<OrgConfig> read() {
        List<OrgConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode org : orgs.elements()) {
            OrgConfig parsed = org(org);
            if (!names.add(parsed.name())) {
                throw org.child("name").problem("'" + parsed.name() + "' is used by another org; give each org its own name");
            }
            out.add(parsed);
        }
        return out;
    }

    private OrgConfig org(ConfigNode org) {
        org.requireObject();
        org.rejectUnknownKeys(Set.of("name", "environment", "loginUrl", "apiVersion", "auth"));
        String name = org.requiredText("name", "the short name users pick in chat, e.g. prod or uat");
        if (!ORG_NAME.matcher(name).matches()) {
            throw org.child("name").problem("'" + name + "' is not a valid org name; use lower-case letters, digits"
                    + " and dashes, starting with a letter (e.g. prod, uat-2)");
        }
        if (name.equals("demo")) {
            throw org.child("name").problem("'demo' is the built-in demo org's name; pick another name for a real org");
        }
        OrgEnvironment environment = environment(org);
        URI loginUrl = loginUrl(org, environment);
        String apiVersion = apiVersion(org);
        OrgAuth auth = auth(org.child("auth"), loginUrl, environment);
        return new OrgConfig(name, environment, loginUrl, apiVersion, auth);
    }

    private static OrgEnvironment environment(ConfigNode org) {
        String value = org.requiredText("environment", "write production or sandbox");
        for (OrgEnvironment e : OrgEnvironment.values()) {
            if (e.configName().equals(value.toLowerCase(Locale.ROOT))) return e;
        }
        throw org.child("environment").problem("'" + value + "' is not an environment; write production or sandbox");
    }

    private static URI loginUrl(ConfigNode org, OrgEnvironment environment) {
        String value = org.optionalText("loginUrl", "the org's My Domain URL, e.g. https://acme.my.salesforce.com");
        if (value == null) return environment.loginHost();
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw org.child("loginUrl").problem("'" + value + "' is not a URL; write e.g. https://acme.my.salesforce.com");
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || (local && "http".equals(uri.getScheme())))) {
            throw org.child("loginUrl").problem("'" + value + "' must be an https URL with a host, e.g. https://acme.my.salesforce.com"
                    + " (plain http is accepted only for localhost)");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty()) {
            throw org.child("loginUrl").problem("'" + value + "' must be the org's base URL without a path, e.g. https://acme.my.salesforce.com");
        }
        return uri;
    }

    private static String apiVersion(ConfigNode org) {
        String value = org.optionalText("apiVersion", "e.g. \"" + OrgConfig.DEFAULT_API_VERSION + "\"");
        if (value == null) return OrgConfig.DEFAULT_API_VERSION;
        var m = API_VERSION.matcher(value);
        if (!m.matches()) {
            throw org.child("apiVersion").problem("'" + value + "' is not a Salesforce API version; write it like \""
                    + OrgConfig.DEFAULT_API_VERSION + "\"");
        }
        int major = Integer.parseInt(m.group(1));
        if (major < MIN_API_VERSION) {
            throw org.child("apiVersion").problem(value + " is too old: reading consumer secrets over REST needs "
                    + MIN_API_VERSION + ".0 or later; write \"" + OrgConfig.DEFAULT_API_VERSION + "\" or remove the key");
        }
        return major + ".0";
    }

    private OrgAuth auth(ConfigNode auth, URI loginUrl, OrgEnvironment environment) {
        if (auth.isMissing()) {
            throw auth.problem("is required; set type: jwt-bearer (consumerKey, username, privateKeyFile) or"
                    + " type: client-credentials (clientIdEnv, clientSecretEnv)");
        }
        auth.requireObject();
        String type = auth.requiredText("type", "write jwt-bearer or client-credentials");
        switch (type) {
            case "jwt-bearer" -> {
                auth.rejectUnknownKeys(Set.of("type", "consumerKey", "username", "privateKeyFile"));
                String consumerKey = auth.requiredText("consumerKey", "the consumer key of the bot's own External Client App");
                String username = auth.requiredText("username", "the Salesforce username the bot acts as");
                if (!username.contains("@")) {
                    throw auth.child("username").problem("'" + username + "' is not a Salesforce username; they look like an email address");
                }
                String keyFile = auth.requiredText("privateKeyFile", "the path of the PEM (PKCS#8) private key matching the app's certificate");
                Path path = baseDir == null ? Path.of(keyFile) : baseDir.resolve(keyFile);
                if (!Files.isReadable(path)) {
                    throw auth.child("privateKeyFile").problem(path + " does not exist or cannot be read; point it at the PEM"
                            + " private key (PKCS#8, '-----BEGIN PRIVATE KEY-----') whose certificate is on the bot's app");
                }
                return new OrgAuth.JwtBearer(consumerKey, username, path);
            }
            case "client-credentials" -> {
                auth.rejectUnknownKeys(Set.of("type", "clientIdEnv", "clientSecretEnv"));
                String idEnv = envName(auth, "clientIdEnv");
                String secretEnv = envName(auth, "clientSecretEnv");
                if (loginUrl.equals(environment.loginHost())) {
                    throw auth.problem("client credentials must be sent to the org's My Domain URL, not " + loginUrl
                            + "; set loginUrl to e.g. https://acme.my.salesforce.com");
                }
                return new OrgAuth.ClientCredentials(idEnv, secretEnv);
            }
            default -> throw auth.child("type").problem("'" + type + "' is not a sign-in method; write jwt-bearer or client-credentials");
        }
    }

    private static String envName(ConfigNode auth, String key) {
        String value = auth.requiredText(key, "the NAME of an environment variable holding the value, e.g. ECABOT_PROD_CLIENT_ID");
        if (!ENV_NAME.matcher(value).matches()) {
            throw auth.child(key).problem("must be the name of an environment variable (letters, digits, _), not the value"
                    + " itself; put the value in an environment variable and write its name here");
        }
        return value;
    }
}
