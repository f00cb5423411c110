package org.homeinfusion.suppliesauth.authorization;

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

/** docs/api.md, Authorizations and Supplies. Which roles may call what is declared in {@link SuppliesAccessMatrix}. */
@RestController
@Validated
@RequestMapping("/api/supplies-authorizations")
class SuppliesAuthorizationController {

    private final SuppliesAuthorizations authorizations;

    SuppliesAuthorizationController(SuppliesAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @PostMapping
    ResponseEntity<SuppliesAuthorizationView> request(Actor actor, @Valid @RequestBody CreateSuppliesAuthorization request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        SuppliesAuthorizations.Created created = authorizations.request(actor, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/supplies-authorizations/" + created.authorization().id()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(SuppliesAuthorizationView.of(created.authorization()));
    }

    @GetMapping("/{id}")
    SuppliesAuthorizationView get(Actor actor, @PathVariable UUID id) {
        return SuppliesAuthorizationView.of(authorizations.get(actor, id));
    }

    @GetMapping
    List<SuppliesAuthorizationView> byCase(Actor actor,
            @RequestParam @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId) {
        return authorizations.byCase(actor, caseId).stream().map(SuppliesAuthorizationView::of).toList();
    }

    @PostMapping("/{id}/decision")
    SuppliesAuthorizationView decide(Actor actor, @PathVariable UUID id, @Valid @RequestBody DecisionRequest decision) {
        return SuppliesAuthorizationView.of(authorizations.decide(actor, id, command(decision)));
    }

    /** The body every pillar accepts, checked and read as the supplies pillar's own command (the JSON and the FHIR form alike). */
    static SuppliesDecision command(DecisionRequest decision) {
        decision.approvedQuantity(ApprovedQuantity.NONE); // supplies count nothing: both counts are refused
        return new SuppliesDecision(decision.outcome(), decision.authorizationNumber(), decision.validFrom(),
                decision.validTo(), decision.reason());
    }

    @PutMapping("/{id}/delivery")
    SuppliesAuthorizationView scheduleDelivery(Actor actor, @PathVariable UUID id,
            @Valid @RequestBody DeliveryRequest delivery) {
        return SuppliesAuthorizationView.of(authorizations.scheduleDelivery(actor, id, delivery));
    }

    @DeleteMapping("/{id}/delivery")
    SuppliesAuthorizationView cancelDelivery(Actor actor, @PathVariable UUID id) {
        return SuppliesAuthorizationView.of(authorizations.cancelDelivery(actor, id));
    }
}
