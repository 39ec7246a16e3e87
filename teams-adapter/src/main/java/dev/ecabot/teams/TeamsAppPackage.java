package dev.ecabot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.settings.error.InvalidSettingException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package (manifest.json and the two icons, zipped) for one deployment, filled in from its settings.
 * The manifest's own {@code id} is what Teams keys an app on in a tenant: two deployments (production and test) must
 * differ, and one deployment must keep its id across versions or an upload becomes a second app instead of an update.
 * So it is derived from the deployment's bot app id (unless {@code TEAMS_APP_ID} sets one), never a fixed value.
 */
public final class TeamsAppPackage {

    /** Settings read from the environment beside MICROSOFT_APP_ID. */
    public static final String APP_ID_SETTING = "TEAMS_APP_ID";
    public static final String NAME_SETTING = "TEAMS_APP_NAME";

    private static final String TEMPLATE = "app/manifest.json";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORT_NAME_MAX = 30;

    private final String botAppId;
    private final String manifestId;
    private final String shortName;

    private TeamsAppPackage(String botAppId, String manifestId, String shortName) {
        this.botAppId = botAppId;
        this.manifestId = manifestId;
        this.shortName = shortName;
    }

    /**
     * The package for the deployment configured in {@code env}: MICROSOFT_APP_ID (required, a GUID), optionally
     * TEAMS_APP_ID (a GUID) and TEAMS_APP_NAME (the short name shown in Teams, at most 30 characters).
     */
    public static TeamsAppPackage fromEnvironment(Map<String, String> env) {
        String bot = blankToNull(env.get("MICROSOFT_APP_ID"));
        if (bot == null) {
            throw new InvalidSettingException("MICROSOFT_APP_ID is not set: the Teams app package names the bot by its"
                    + " Azure app id (docs/teams.md, section 1)");
        }
        requireGuid(bot, "MICROSOFT_APP_ID");
        String id = blankToNull(env.get(APP_ID_SETTING));
        if (id != null) requireGuid(id, APP_ID_SETTING);
        String name = blankToNull(env.get(NAME_SETTING));
        if (name != null && name.length() > SHORT_NAME_MAX) {
            throw new InvalidSettingException(NAME_SETTING + " is " + name.length() + " characters; Teams allows "
                    + SHORT_NAME_MAX);
        }
        return new TeamsAppPackage(bot, id != null ? id : derivedAppId(bot), name);
    }

    /** The manifest id of a deployment whose bot has {@code botAppId}: stable for it, different for any other. */
    static String derivedAppId(String botAppId) {
        return UUID.nameUUIDFromBytes(("ecabot teams app " + botAppId.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String manifestId() {
        return manifestId;
    }

    /** The filled-in manifest. */
    public ObjectNode manifest() {
        String text = new String(resource(TEMPLATE), StandardCharsets.UTF_8)
                .replace("{{TEAMS_APP_ID}}", manifestId)
                .replace("{{MICROSOFT_APP_ID}}", botAppId);
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(text);
            if (shortName != null) ((ObjectNode) manifest.get("name")).put("short", shortName);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled Teams manifest template is not JSON", e);
        }
    }

    /** The zip to upload to Teams: manifest.json, color.png and outline.png at the root of the archive. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest()));
            entry(zip, "color.png", resource("app/color.png"));
            entry(zip, "outline.png", resource("app/outline.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One of the package's bundled files (the manifest template, the icons). */
    static byte[] resource(String name) {
        try (InputStream in = TeamsAppPackage.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void requireGuid(String value, String setting) {
        if (!GUID.matcher(value).matches()) {
            throw new InvalidSettingException(setting + " must be a GUID like 00000000-0000-0000-0000-000000000000,"
                    + " not \"" + value + "\"");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
