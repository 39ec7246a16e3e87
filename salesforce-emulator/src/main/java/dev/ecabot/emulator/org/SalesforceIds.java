package dev.ecabot.emulator.org;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes record ids shaped like Salesforce's: a 3-character key prefix, a 2-character pod code and a counter
 * (15 characters), plus the 3-character case-safe suffix Salesforce computes from the letter case (18 characters).
 * Thread-safe.
 */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private final String pod;
    private final AtomicLong counter = new AtomicLong(100_000);

    /** @param pod two characters standing for the instance, e.g. "5g" */
    public SalesforceIds(String pod) {
        if (pod.length() != 2) {
            throw new IllegalArgumentException("pod must be 2 characters, got '" + pod + "'");
        }
        this.pod = pod;
    }

    /** A new 18-character id with this key prefix (e.g. "0Af" for a deploy request). */
    public String next(String keyPrefix) {
        if (keyPrefix.length() != 3) {
            throw new IllegalArgumentException("key prefix must be 3 characters, got '" + keyPrefix + "'");
        }
        StringBuilder body = new StringBuilder();
        long n = counter.getAndIncrement();
        for (int i = 0; i < 10; i++) {
            body.insert(0, BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        return withSuffix(keyPrefix + pod + body);
    }

    /** The counter the next id is made from (kept with a snapshot of the org). */
    public long nextCounter() {
        return counter.get();
    }

    /** Makes ids from {@code next} on, unless the counter is already past it (restoring a snapshot). */
    public void continueFrom(long next) {
        counter.accumulateAndGet(next, Math::max);
    }

    /** The 18-character form of a 15-character id (Salesforce's documented checksum). */
    public static String withSuffix(String id15) {
        StringBuilder suffix = new StringBuilder();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return id15 + suffix;
    }

    /** Whether two ids name the same record (15- and 18-character forms compare equal, like Salesforce). */
    public static boolean sameId(String a, String b) {
        if (a == null || b == null || a.length() < 15 || b.length() < 15) {
            return false;
        }
        return a.substring(0, 15).equals(b.substring(0, 15));
    }
}
