-- The W3C traceparent of the readiness or alert record a delivery announces: its HTTP POST continues that trace,
-- whenever and by whichever instance it is finally sent. NULL for deliveries scheduled before it was kept.
ALTER TABLE webhook_delivery ADD COLUMN trace_parent text;
