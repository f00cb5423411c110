package org.homeinfusion.coordinator.notification;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.homeinfusion.support.idempotency.IdempotentCreation;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook subscriptions of the caller's organization. Another organization's subscription is a 404,
 * indistinguishable from one that does not exist.
 */
@Service
class Subscriptions {

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final IdempotentCreation idempotency;
    private final WebhookProperties properties;
    private final SecretRotationProperties rotation;
    private final CallbackHostPolicy hostPolicy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, DeliveryStore deliveries, IdempotentCreation idempotency,
            WebhookProperties properties, SecretRotationProperties rotation, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.idempotency = idempotency;
        this.properties = properties;
        this.rotation = rotation;
        this.hostPolicy = CallbackHostPolicy.of(properties);
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    record Created(Subscription subscription, boolean replayed) {
    }

    Created subscribe(Actor actor, SubscriptionRequest request, String idempotencyKey) {
        SubscriptionRequest.Checked checked = request.checked();
        // Resolved before the transaction starts, so a slow DNS answer never holds a database connection.
        checkHost(checked);
        IdempotentCreation.Result<Subscription> result = transactions.execute(status -> idempotency.create(
                actor.org() + ":subscriptions", idempotencyKey, request, () -> {
                    if (store.lockAndCount(actor.org()) >= properties.maxSubscriptionsPerOrganization()) {
                        throw ApiProblem.ruleViolation(null, "SUBSCRIPTION_LIMIT_REACHED", "An organization may have at most "
                                + properties.maxSubscriptionsPerOrganization() + " subscriptions; delete one first");
                    }
                    Subscription subscription = new Subscription(UUID.randomUUID(), actor.org(), checked.callbackUrl(),
                            request.secret(), checked.eventTypes(), clock.instant(), null);
                    store.insert(subscription);
                    // Read back: the database keeps created_at to the microsecond, and a replay answers with that.
                    return stored(subscription.id(), actor);
                }, Subscription::id, id -> stored(id, actor)));
        return new Created(result.resource(), result.replayed());
    }

    private Subscription stored(UUID id, Actor actor) {
        return store.find(id, actor.org()).orElseThrow(() -> ApiProblem.notFound("Subscription", id));
    }

    Subscription get(Actor actor, UUID id) {
        return store.find(id, actor.org()).orElseThrow(() -> ApiProblem.notFound("Subscription", id));
    }

    List<Subscription> list(Actor actor, int limit, int offset) {
        return store.list(actor.org(), limit, offset);
    }

    void unsubscribe(Actor actor, UUID id) {
        if (!store.delete(id, actor.org())) {
            throw ApiProblem.notFound("Subscription", id);
        }
    }

    /**
     * Makes {@code request.secret()} the subscription's secret; the one it replaces keeps signing beside it for the
     * overlap, so the receiver can switch without rejecting a delivery. Sending the current secret again changes
     * nothing, so a retried request cannot push the replaced secret out early.
     */
    Subscription rotateSecret(Actor actor, UUID id, SecretRotationRequest request) {
        Duration overlap = request.checkedOverlap(rotation);
        Instant endsAt = overlap.isZero() ? null : clock.instant().plus(overlap);
        if (!store.rotateSecret(id, actor.org(), request.secret(), endsAt)) {
            throw ApiProblem.notFound("Subscription", id);
        }
        return get(actor, id);
    }

    List<DeliveryView> deliveries(Actor actor, UUID id, int limit) {
        Subscription subscription = get(actor, id);
        return deliveries.recent(subscription.id(), limit, properties.attemptsShownPerDelivery());
    }

    private void checkHost(SubscriptionRequest.Checked checked) {
        try {
            hostPolicy.check(checked.callbackUrl());
        } catch (CallbackHostPolicy.HostNotAllowed refused) {
            throw ApiProblem.ruleViolation("callbackUrl", "CALLBACK_HOST_NOT_ALLOWED", refused.getMessage());
        } catch (UnknownHostException unresolved) {
            throw ApiProblem.ruleViolation("callbackUrl", "CALLBACK_HOST_UNRESOLVABLE",
                    "Callback host " + CallbackHostPolicy.hostOf(checked.callbackUrl()) + " does not resolve");
        }
    }
}
