package org.homeinfusion.nursingauth.authorization;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.homeinfusion.support.api.Bounds;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionRequest;
import org.homeinfusion.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md, Nursing. Which roles may call what is declared in {@link NursingAccessMatrix}. */
@RestController
@Validated
@RequestMapping("/api/nursing-authorizations")
class NursingAuthorizationController {

    private final NursingAuthorizations authorizations;

    NursingAuthorizationController(NursingAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @PostMapping
    ResponseEntity<NursingAuthorizationView> request(Actor actor, @Valid @RequestBody CreateNursingAuthorization request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        NursingAuthorizations.Created created = authorizations.request(actor, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/nursing-authorizations/" + created.authorization().id()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(NursingAuthorizationView.of(created.authorization()));
    }

    @GetMapping("/{id}")
    NursingAuthorizationView get(Actor actor, @PathVariable UUID id) {
        return NursingAuthorizationView.of(authorizations.get(actor, id));
    }

    @GetMapping
    List<NursingAuthorizationView> byCase(Actor actor,
            @RequestParam @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId) {
        return authorizations.byCase(actor, caseId).stream().map(NursingAuthorizationView::of).toList();
    }

    @PostMapping("/{id}/decision")
    NursingAuthorizationView decide(Actor actor, @PathVariable UUID id, @Valid @RequestBody DecisionRequest decision) {
        return NursingAuthorizationView.of(authorizations.decide(actor, id, command(decision)));
    }

    /** The body every pillar accepts, checked and read as the nursing pillar's own command (the JSON and the FHIR form alike). */
    static NursingDecision command(DecisionRequest decision) {
        Integer approvedVisits = decision.approvedQuantity(ApprovedQuantity.VISITS);
        return new NursingDecision(decision.outcome(), decision.authorizationNumber(), decision.validFrom(),
                decision.validTo(), approvedVisits, decision.reason());
    }

    @PutMapping("/{id}/visit")
    NursingAuthorizationView confirmVisit(Actor actor, @PathVariable UUID id, @Valid @RequestBody VisitRequest visit) {
        return NursingAuthorizationView.of(authorizations.confirmVisit(actor, id, visit));
    }

    @DeleteMapping("/{id}/visit")
    NursingAuthorizationView cancelVisit(Actor actor, @PathVariable UUID id) {
        return NursingAuthorizationView.of(authorizations.cancelVisit(actor, id));
    }

    @PostMapping("/{id}/visit/completion")
    NursingAuthorizationView completeVisit(Actor actor, @PathVariable UUID id) {
        return NursingAuthorizationView.of(authorizations.completeVisit(actor, id));
    }
}
