package org.homeinfusion.coordinator.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the APIs it acts through, and how long its sessions' tokens live.
 *
 * @param coordinatorUrl  the coordinator's API; blank means this very instance (its own port on loopback)
 * @param drugUrl         drug-auth-service's API
 * @param nursingUrl      nursing-auth-service's API
 * @param suppliesUrl     supplies-auth-service's API
 * @param apiTimeout      longest wait for one API call before the page says the service is unavailable
 * @param devTokenValidity lifetime of a token the dev sign-in mints; the user signs in again after it
 * @param boardSize       cases shown on the board (each is one readiness call)
 */
@ConfigurationProperties("home-infusion.console")
public record ConsoleProperties(
        String coordinatorUrl,
        @DefaultValue("http://127.0.0.1:8081") String drugUrl,
        @DefaultValue("http://127.0.0.1:8082") String nursingUrl,
        @DefaultValue("http://127.0.0.1:8083") String suppliesUrl,
        @DefaultValue("5s") Duration apiTimeout,
        @DefaultValue("30m") Duration devTokenValidity,
        @DefaultValue("25") int boardSize) {
}
