package org.homeinfusion.support.api;

/** The contract's bounds on free text, as constants usable in validation annotations. */
public final class Bounds {

    /** Ids: at most 64 of {@code [A-Za-z0-9._-]}. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";
    public static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";
    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 2000;

    private Bounds() {
    }
}
