package org.homeinfusion.pas;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionRequest;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.homeinfusion.support.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The two PAS endpoints every pillar serves under its own {@code /api/{pillar}-authorizations}. A pillar's
 * subclass only hands over how to find its authorization, how it reads as claim facts, and how it is decided:
 * the FHIR decision then runs the very use case the JSON decision runs (same roles, same 409, same event).
 *
 * @param <A> the pillar's authorization aggregate
 * @param <V> the pillar's view of it, as the JSON decision answers
 */
public abstract class PasEndpoints<A, V> {

    /** The pillar's own decision use case, the one {@code application/json} decisions go through. */
    @FunctionalInterface
    public interface DecisionUseCase<V> {
        V decide(Actor actor, UUID id, DecisionRequest decision);
    }

    private final String what;
    private final ApprovedQuantity approvedQuantity;
    private final BiFunction<Actor, UUID, A> visibleTo;
    private final Function<A, String> specialistOrgId;
    private final Function<A, ClaimFacts> claimFacts;
    private final DecisionUseCase<V> decide;

    /**
     * @param what             how a 404 names the resource ("Drug authorization")
     * @param approvedQuantity which decision field an authorized quantity fills
     * @param visibleTo        the authorization as the caller may see it; a 404 when it may not
     * @param specialistOrgId  the organization that owns the authorization's case
     * @param claimFacts       how the authorization reads as a claim
     * @param decide           the pillar's decision use case
     */
    protected PasEndpoints(String what, ApprovedQuantity approvedQuantity, BiFunction<Actor, UUID, A> visibleTo,
            Function<A, String> specialistOrgId, Function<A, ClaimFacts> claimFacts, DecisionUseCase<V> decide) {
        this.what = what;
        this.approvedQuantity = approvedQuantity;
        this.visibleTo = visibleTo;
        this.specialistOrgId = specialistOrgId;
        this.claimFacts = claimFacts;
        this.decide = decide;
    }

    @GetMapping("/{id}/pas-claim")
    public ResponseEntity<byte[]> pasClaim(Actor actor, @PathVariable("id") UUID id) {
        A authorization = visibleTo.apply(actor, id);
        // Only the organization that owns the case submits its claim; to anyone else it does not exist.
        if (!actor.actsAs(Role.SPECIALIST, specialistOrgId.apply(authorization))) {
            throw ApiProblem.notFound(what, id);
        }
        return PasExchange.claimBundle(claimFacts.apply(authorization));
    }

    @PostMapping(path = "/{id}/decision", consumes = PasFhir.MEDIA_TYPE)
    public V decideFromClaimResponse(Actor actor, @PathVariable("id") UUID id, @RequestBody byte[] claimResponse) {
        A authorization = visibleTo.apply(actor, id);
        return decide.decide(actor, id,
                PasExchange.decision(claimResponse, claimFacts.apply(authorization), approvedQuantity));
    }
}
