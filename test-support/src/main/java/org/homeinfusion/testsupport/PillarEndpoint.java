package org.homeinfusion.testsupport;

/**
 * An endpoint of a pillar service (drug, nursing, supplies), known to the shared checks by what it does to an
 * authorization, since that decides what a call must show beyond its status (docs/api.md).
 */
public interface PillarEndpoint {

    enum Effect {
        /** Makes an authorization in a case, with the caller's organization as its specialist. */
        CREATES,
        /** Answers one authorization by id. */
        READS,
        /** Answers the authorizations of a case that name the caller's organization. */
        LISTS_BY_CASE,
        /** Changes one authorization by id, adding a version. */
        CHANGES
    }

    Effect effect();

    /**
     * {@code endpoint}'s effect in a pillar whose creating, reading and listing endpoints are the ones given; every
     * other endpoint of a pillar changes an authorization (a decision, a delivery, a visit).
     */
    static <E extends PillarEndpoint> Effect effectOf(E endpoint, E creating, E reading, E listing) {
        return endpoint == creating ? Effect.CREATES : endpoint == reading ? Effect.READS
                : endpoint == listing ? Effect.LISTS_BY_CASE : Effect.CHANGES;
    }
}
