package dev.ecabot.slack;

import com.slack.api.model.view.View;

import java.util.Map;

/**
 * How a submitted form's modal answers, in the view_submission ack: closes (accepted), stays open with an error beside
 * each refused field ({@code response_action: errors}, keyed by block id = field id), or turns into the form that
 * follows ({@code response_action: update}: the questions the answers opened).
 */
record ModalVerdict(Map<String, String> errors, View next) {

    private static final ModalVerdict ACCEPTED = new ModalVerdict(Map.of(), null);

    ModalVerdict {
        errors = Map.copyOf(errors);
    }

    static ModalVerdict accepted() {
        return ACCEPTED;
    }

    static ModalVerdict refused(Map<String, String> errors) {
        return new ModalVerdict(errors, null);
    }

    static ModalVerdict followedBy(View next) {
        return new ModalVerdict(Map.of(), next);
    }
}
