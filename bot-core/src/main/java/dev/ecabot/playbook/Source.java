package dev.ecabot.playbook;

/** Where a playbook's settings come from: a seed file name and/or the vendor document it follows. */
public record Source(String seed, String document) {

    @Override
    public String toString() {
        if (seed == null) return document == null ? "" : document;
        return document == null ? seed : seed + " (" + document + ")";
    }
}
