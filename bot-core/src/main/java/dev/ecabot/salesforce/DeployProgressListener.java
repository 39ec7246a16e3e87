package dev.ecabot.salesforce;

/** Hears each status a deploy reports while it is polled (e.g. to edit a progress message in place). */
@FunctionalInterface
public interface DeployProgressListener {

    DeployProgressListener NONE = result -> { };

    void progress(DeployResult result);
}
