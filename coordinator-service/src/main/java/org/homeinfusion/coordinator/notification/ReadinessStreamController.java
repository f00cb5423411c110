package org.homeinfusion.coordinator.notification;

import org.homeinfusion.support.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * docs/api.md, Live stream: {@code GET /api/readiness/stream}, the readiness events of the caller's organization's
 * cases as server-sent events (name = event type, id = the event's ce_id, data = the event JSON), from
 * the moment of connecting. A client that reconnects with {@code Last-Event-ID} (EventSource sends it by itself)
 * first gets the events it missed, when the one it names is still held (see {@link RecentEvents}).
 */
@RestController
class ReadinessStreamController {

    private final ReadinessStreams streams;

    ReadinessStreamController(ReadinessStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/readiness/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(actor.org(), lastEventId);
    }
}
