package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every authorization known for one case, each at the highest version seen. Pillar events arrive
 * duplicated, replayed and out of order; keeping the highest version per authorization id makes the
 * result independent of arrival order, which is what lets the coordinator emit exactly once.
 */
public final class CaseAuthorizations {

    private static final CaseAuthorizations EMPTY = new CaseAuthorizations(Map.of());

    /** A re-authorization is requested later than the one it replaces; the id only breaks exact ties deterministically. */
    private static final Comparator<Authorization> MOST_RECENTLY_REQUESTED = Comparator
            .comparing(Authorization::requestedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Authorization::id);

    private final Map<UUID, Authorization> byId;

    private CaseAuthorizations(Map<UUID, Authorization> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static CaseAuthorizations empty() {
        return EMPTY;
    }

    /** Rebuilds the case from stored or replayed copies in any order, with the same version rule as {@link #apply}. */
    public static CaseAuthorizations of(Collection<? extends Authorization> authorizations) {
        CaseAuthorizations result = EMPTY;
        for (Authorization authorization : authorizations) {
            result = result.apply(authorization);
        }
        return result;
    }

    /**
     * Returns the case with {@code incoming} recorded, or this very instance when {@code incoming} is a
     * duplicate or stale copy (its version is not greater than the one already held).
     */
    public CaseAuthorizations apply(Authorization incoming) {
        Objects.requireNonNull(incoming, "incoming");
        if (!isNewer(incoming)) {
            return this;
        }
        Map<UUID, Authorization> next = new HashMap<>(byId);
        next.put(incoming.id(), incoming);
        return new CaseAuthorizations(next);
    }

    /** Lets a listener skip persisting and re-evaluating copies it has already seen. */
    public boolean isNewer(Authorization incoming) {
        Authorization known = byId.get(incoming.id());
        return known == null || incoming.version() > known.version();
    }

    public Optional<Authorization> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All held authorizations, cancelled ones included, oldest request first. */
    public List<Authorization> all() {
        return byId.values().stream().sorted(MOST_RECENTLY_REQUESTED).toList();
    }

    /** The authorization that counts for the pillar: the most recently requested one that is not CANCELLED. */
    public Optional<Authorization> current(Pillar pillar) {
        return byId.values().stream()
                .filter(authorization -> authorization.pillar() == pillar)
                .filter(authorization -> authorization.status() != AuthorizationStatus.CANCELLED)
                .max(MOST_RECENTLY_REQUESTED);
    }

    public Optional<DrugAuthorization> drug() {
        return current(Pillar.DRUG).map(DrugAuthorization.class::cast);
    }

    public Optional<NursingAuthorization> nursing() {
        return current(Pillar.NURSING).map(NursingAuthorization.class::cast);
    }

    public Optional<SuppliesAuthorization> supplies() {
        return current(Pillar.SUPPLIES).map(SuppliesAuthorization.class::cast);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseAuthorizations that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "CaseAuthorizations" + all();
    }
}
