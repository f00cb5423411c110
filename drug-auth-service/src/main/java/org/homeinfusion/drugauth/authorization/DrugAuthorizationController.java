package org.homeinfusion.drugauth.authorization;

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

/** docs/api.md, Drug. Which roles may call what is declared in {@link DrugAccessMatrix}. */
@RestController
@Validated
@RequestMapping("/api/drug-authorizations")
class DrugAuthorizationController {

    private final DrugAuthorizations authorizations;

    DrugAuthorizationController(DrugAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @PostMapping
    ResponseEntity<DrugAuthorizationView> request(Actor actor, @Valid @RequestBody CreateDrugAuthorization request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        DrugAuthorizations.Created created = authorizations.request(actor, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/drug-authorizations/" + created.authorization().id()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(DrugAuthorizationView.of(created.authorization()));
    }

    @GetMapping("/{id}")
    DrugAuthorizationView get(Actor actor, @PathVariable UUID id) {
        return DrugAuthorizationView.of(authorizations.get(actor, id));
    }

    @GetMapping
    List<DrugAuthorizationView> byCase(Actor actor,
            @RequestParam @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String caseId) {
        return authorizations.byCase(actor, caseId).stream().map(DrugAuthorizationView::of).toList();
    }

    @PostMapping("/{id}/decision")
    DrugAuthorizationView decide(Actor actor, @PathVariable UUID id, @Valid @RequestBody DecisionRequest decision) {
        return DrugAuthorizationView.of(authorizations.decide(actor, id, command(decision)));
    }

    /** The body every pillar accepts, checked and read as the drug's own command (the JSON and the FHIR form alike). */
    static DrugDecision command(DecisionRequest decision) {
        Integer approvedUnits = decision.approvedQuantity(ApprovedQuantity.UNITS);
        return new DrugDecision(decision.outcome(), decision.authorizationNumber(), decision.validFrom(),
                decision.validTo(), approvedUnits, decision.reason());
    }

    @PutMapping("/{id}/delivery")
    DrugAuthorizationView scheduleDelivery(Actor actor, @PathVariable UUID id, @Valid @RequestBody DeliveryRequest delivery) {
        return DrugAuthorizationView.of(authorizations.scheduleDelivery(actor, id, delivery));
    }

    @DeleteMapping("/{id}/delivery")
    DrugAuthorizationView cancelDelivery(Actor actor, @PathVariable UUID id) {
        return DrugAuthorizationView.of(authorizations.cancelDelivery(actor, id));
    }
}
