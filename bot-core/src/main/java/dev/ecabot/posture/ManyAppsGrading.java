package dev.ecabot.posture;

import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.SettingsJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Grades a whole inventory one app after another (an export), doing the costly parts once per distinct input:
 * the settings are read into facts once per distinct OAuth settings (apps made from one playbook differ only in
 * their name, label and contact, which no fact reads), and the rules run once per distinct combination of the facts
 * they read ({@link PostureRules#remembering}). Same findings as {@link PostureReview#grade}. Remembers at most
 * {@value #REMEMBERED} of each; not thread-safe: one per export.
 */
public final class ManyAppsGrading {

    static final int REMEMBERED = 10_000;
    /** Where {@link SettingsJson} writes the part after the app's own fields (a flat object of strings). */
    private static final String APP_PART = "{\"app\":{";
    private static final String AFTER_APP_PART = ",\"globalOauth\":";

    private final Clock clock;
    private final Function<PostureFacts, List<PostureFinding>> rules;
    private final Map<String, PostureFacts> factsBySettings = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PostureFacts> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The findings by settings facts (the instance above), owner and age: no copy of the facts when seen before. */
    private final Map<Graded, List<PostureFinding>> findings = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Graded, List<PostureFinding>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** One grading's input; {@code facts} compares by identity (PostureFacts has no equals), which is enough here. */
    private record Graded(PostureFacts facts, String owner, long ageDays) { }

    ManyAppsGrading(PostureRules rules, Clock clock) {
        this.rules = rules.remembering(REMEMBERED);
        this.clock = clock;
    }

    /** The findings of {@code app}, owned by {@code owner} (null: nobody), last rotated at {@code lastRotation} (or never). */
    public List<PostureFinding> grade(InventoryApp app, String owner, Instant lastRotation) {
        Instant since = lastRotation != null && lastRotation.isAfter(app.createdAt()) ? lastRotation : app.createdAt();
        long age = Math.max(0, Duration.between(since, clock.instant()).toDays());
        PostureFacts facts = settingsFacts(app.settingsJson());
        Graded graded = new Graded(facts, owner, age);
        List<PostureFinding> known = findings.get(graded);
        if (known != null) return known;
        List<PostureFinding> found = rules.apply(facts.withOwnerAndAge(owner, age));
        findings.put(graded, found);
        return found;
    }

    /** The OAuth part of the last settings read, and its facts: apps in a row often share them (one playbook). */
    private String lastOauthPart;
    private PostureFacts lastFacts;

    private PostureFacts settingsFacts(String json) {
        int end = oauthPartStart(json);
        if (end < 0) return PostureFacts.of(SettingsJson.read(json), null, null);
        // compared in place before cutting and hashing it (~1 KB an app: hashing it was a tenth of an export's CPU)
        if (lastOauthPart != null && json.length() - end == lastOauthPart.length()
                && json.startsWith(lastOauthPart, end)) {
            return lastFacts;
        }
        String oauthPart = json.substring(end);
        PostureFacts facts = factsBySettings.get(oauthPart);
        if (facts == null) {
            facts = PostureFacts.of(SettingsJson.read(json), null, null);
            factsBySettings.put(oauthPart, facts);
        }
        lastOauthPart = oauthPart;
        lastFacts = facts;
        return facts;
    }

    /**
     * The settings without the app's own fields, or null when they are not in the shape {@link SettingsJson} writes.
     * The app part is a flat object whose values are strings (where a quote is always escaped) or null, so the first
     * unescaped {@code ,"globalOauth":} is where it ends.
     */
    static String oauthPartOf(String json) {
        int start = oauthPartStart(json);
        return start < 0 ? null : json.substring(start);
    }

    /** Where {@link #oauthPartOf} starts, or -1. */
    private static int oauthPartStart(String json) {
        return json.startsWith(APP_PART) ? json.indexOf(AFTER_APP_PART) : -1;
    }
}
