package org.homeinfusion.coordinator.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert of a case as {@code case_alert} holds it; {@code actions} only once it was raised. */
record StoredAlert(UUID alertId, AlertType type, AlertState state, Instant dueAt, String series,
                   List<AlertAction> actions) {
}
