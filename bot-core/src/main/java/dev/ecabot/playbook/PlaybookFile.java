package dev.ecabot.playbook;

import java.util.Objects;

/**
 * The text of one playbook file and where it came from ({@code origin}: a classpath or file system location, used
 * in messages). {@code name} is the file name, e.g. {@code altify-mcp.yaml}.
 */
record PlaybookFile(String name, String origin, String content) {

    PlaybookFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
    }

    /** The id this file must declare: its name without {@code .yaml}. */
    String expectedId() {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }

    /** Files starting with '_' are shared parts (the common questions), not playbooks. */
    boolean isShared() {
        return name.startsWith("_");
    }
}
