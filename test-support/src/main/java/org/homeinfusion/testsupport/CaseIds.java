package org.homeinfusion.testsupport;

import java.util.UUID;

/**
 * Case ids for tests that share a database and a topic with every other test in the JVM: each id is new, so a test
 * finds its own rows and events by it and never another test's.
 */
public final class CaseIds {

    private CaseIds() {
    }

    /** {@code CASE-} and eight hex digits of a random UUID. */
    public static String unique() {
        return "CASE-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
