package org.homeinfusion.coordinator.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.homeinfusion.support.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions (docs/api.md), for any role; each organization sees and manages only its own.
 * The secret goes in once and never comes back out.
 */
@RestController
@Validated
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriptionController(Subscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<SubscriptionView> subscribe(Actor actor, @RequestBody SubscriptionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Subscriptions.Created created = subscriptions.subscribe(actor, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/subscriptions/" + created.subscription().id()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(SubscriptionView.of(created.subscription(), clock.instant()));
    }

    @GetMapping
    List<SubscriptionView> list(Actor actor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
        Instant now = clock.instant();
        return subscriptions.list(actor, limit, offset).stream().map(subscription -> SubscriptionView.of(subscription, now))
                .toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(Actor actor, @PathVariable UUID id) {
        return SubscriptionView.of(subscriptions.get(actor, id), clock.instant());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(Actor actor, @PathVariable UUID id) {
        subscriptions.unsubscribe(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** Replaces the secret; the replaced one keeps signing deliveries beside it until the overlap ends. */
    @PostMapping("/{id}/secret-rotation")
    SubscriptionView rotateSecret(Actor actor, @PathVariable UUID id, @RequestBody SecretRotationRequest request) {
        return SubscriptionView.of(subscriptions.rotateSecret(actor, id, request), clock.instant());
    }

    /** Newest first. */
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(Actor actor, @PathVariable UUID id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return subscriptions.deliveries(actor, id, limit);
    }
}
