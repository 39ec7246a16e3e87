package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.Replies;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the one inventory app a person means by {@code <api-name> [org]} (case-insensitive), or tells them what
 * went wrong: no such app (with near names), or the name in several orgs (name the org). Thread-safe.
 */
public final class AppLookup {

    private final InventoryAppRepository inventory;

    public AppLookup(InventoryAppRepository inventory) {
        this.inventory = inventory;
    }

    /**
     * The app a command's words {@code <api-name> [org]} name, or empty after replying why: the words' shape ("Say
     * \"rotate <api-name>\", e.g. \"rotate Vonage_Prod\"" plus {@code hint}), then {@link #find(String, String,
     * String, Replies)}'s answers. The one preamble of the commands that act on one app.
     */
    public Optional<InventoryApp> find(String command, List<String> words, String example, String hint, Replies replies) {
        if (words.isEmpty() || words.size() > 2) {
            replies.warn("Say \"" + command + " <api-name>\", e.g. \"" + command + " " + example
                    + "\" (add the org if several have it" + hint + ").");
            return Optional.empty();
        }
        return find(command, words.get(0), words.size() == 2 ? words.get(1) : null, replies);
    }

    /** The app, or empty after replying why; {@code command} shapes the hint ("rotate Vonage_Prod demo"). */
    public Optional<InventoryApp> find(String command, String apiName, String org, Replies replies) {
        // Only the apps of that name are read (with 100,000 apps, reading them all took `show` 100x a plain SELECT).
        List<InventoryApp> matches = inventory.byApiNameIgnoringCase(apiName).stream()
                .filter(a -> org == null || a.org().equalsIgnoreCase(org))
                .toList();
        if (matches.size() == 1) return Optional.of(matches.get(0));
        if (matches.isEmpty()) {
            List<InventoryApp> all = inventory.all();
            String needle = apiName.toLowerCase(Locale.ROOT);
            List<String> near = all.stream().map(InventoryApp::apiName).distinct()
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(needle) || needle.contains(n.toLowerCase(Locale.ROOT)))
                    .limit(5).toList();
            replies.warn("No app called " + apiName + (org == null ? "" : " in " + org) + " is in the inventory."
                    + (near.isEmpty() ? "" : " Did you mean " + String.join(", ", near) + "?")
                    + " Say \"inventory\" to list the apps (\"sync <org>\" adds ones made outside the bot).");
        } else {
            replies.warn(apiName + " exists in several orgs (" + String.join(", ", matches.stream().map(InventoryApp::org).toList())
                    + "); say \"" + command + " " + apiName + " <org>\".");
        }
        return Optional.empty();
    }
}
