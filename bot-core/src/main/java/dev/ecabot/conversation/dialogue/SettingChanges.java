package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.Fact;
import dev.ecabot.eca.EcaSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting that differs between an app as it is and as it would be, in Setup's words (the labels
 * {@link SpecFacts} uses in summaries): "IP relaxation: Enforce IP restrictions -> Relax IP restrictions". A setting
 * shown on one side only reads "(not set)" on the other.
 */
final class SettingChanges {

    static final String NOT_SET = "(not set)";

    private SettingChanges() {
    }

    /** The changed settings, each a fact whose value is "old -> new", in the summary's order. */
    static List<Fact> between(EcaSpec before, EcaSpec after) {
        Map<String, Fact> old = byLabel(SpecFacts.of(before));
        Map<String, Fact> now = byLabel(SpecFacts.of(after));
        List<Fact> changes = new ArrayList<>();
        for (Map.Entry<String, Fact> e : now.entrySet()) {
            Fact was = old.get(e.getKey());
            String from = was == null ? NOT_SET : was.value();
            if (!from.equals(e.getValue().value())) {
                changes.add(new Fact(e.getValue().section(), e.getValue().label(), from + " -> " + e.getValue().value()));
            }
        }
        for (Map.Entry<String, Fact> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                changes.add(new Fact(e.getValue().section(), e.getValue().label(), e.getValue().value() + " -> " + NOT_SET));
            }
        }
        return changes;
    }

    /** True when only the app's identity changed (name, contact, description): OAuth clients notice nothing. */
    static boolean onlyIdentity(List<Fact> changes) {
        return changes.stream().allMatch(f -> f.section().equals("App"));
    }

    private static Map<String, Fact> byLabel(List<Fact> facts) {
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Fact f : facts) {
            String key = f.section() + "\u0000" + f.label();
            for (int n = 2; out.containsKey(key); n++) key = f.section() + "\u0000" + f.label() + " (" + n + ")";
            out.put(key, f);
        }
        return out;
    }
}
