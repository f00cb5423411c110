-- Secret rotation (docs/api.md, "Webhook subscriptions"): after a rotation the replaced secret keeps
-- signing deliveries beside the new one until previous_secret_expires_at, so a receiver can switch
-- without missing a delivery. Both columns are NULL when no rotation overlap is running.
ALTER TABLE webhook_subscription
    ADD COLUMN previous_secret            TEXT,
    ADD COLUMN previous_secret_expires_at TIMESTAMPTZ;
