package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.Replies;
import dev.ecabot.salesforce.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a command's talk with an org (sync, rotate, delete) on the background executor, so the engine answers
 * at once, and turns failures into chat messages: Salesforce's own explanation, or a reference to the log.
 * Thread-safe.
 */
public final class OrgWork {

    private static final Logger LOG = LoggerFactory.getLogger(OrgWork.class);

    private final Executor background;

    public OrgWork(Executor background) {
        this.background = background;
    }

    /** Says {@code working}, then runs {@code task} in the background, reporting a failure to {@code replies}. */
    public void run(String working, Replies replies, Runnable task) {
        replies.say(working);
        // Handed over once the turn is committed: the org talk never runs inside (or holds the locks of) the turn.
        dev.ecabot.store.UnitOfWork.afterCommit(() -> handOver(working, replies, task));
    }

    private void handOver(String working, Replies replies, Runnable task) {
        try {
            background.execute(() -> {
                try {
                    task.run();
                } catch (SalesforceException | IllegalArgumentException e) {
                    replies.error(e.getMessage());
                } catch (RuntimeException e) {
                    String reference = UUID.randomUUID().toString().substring(0, 8);
                    LOG.error("{} failed (reference {})", working, reference, e);
                    replies.error("Something went wrong on my side (reference " + reference + "); nothing more was done.");
                }
            });
        } catch (RejectedExecutionException e) {
            replies.error("I am shutting down and cannot start that now; try again in a moment.");
        }
    }
}
