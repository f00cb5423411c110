package org.homeinfusion.coordinator.notification;

import org.homeinfusion.support.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * docs/api.md, Live stream: {@code GET /api/readiness/stream}, the readiness events of the caller's organization's
 * cases as server-sent events (name = event type, id = the event's ce_id, data = the event JSON), from
 * the moment of connecting. Missed events are not replayed: the readiness API gives the current state.
 */
@RestController
class ReadinessStreamController {

    private final ReadinessStreams streams;

    ReadinessStreamController(ReadinessStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/readiness/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor) {
        return streams.open(actor.org());
    }
}
