package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackHostPolicyUnitTests {

    /** The production posture: neither loopback nor private networks. */
    private final CallbackHostPolicy production = new CallbackHostPolicy(false, false, InetAddress::getAllByName);
    /** The local stack: loopback allowed, private networks still refused. */
    private final CallbackHostPolicy localStack = new CallbackHostPolicy(true, false, InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "10.255.255.254", "172.16.5.4",
            "172.31.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1", "::", "fc00::1", "fd12:3456::1",
            "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1", "224.0.0.1",
            "255.255.255.255", "192.0.2.10", "2001:db8::1", "ff02::1"})
    void productionRefusesLoopbackPrivateLinkLocalAndReservedAddresses(String address) {
        assertThatThrownBy(() -> production.check(URI.create("https://" + literal(address) + "/hook")))
                .isInstanceOf(CallbackHostPolicy.HostNotAllowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e"})
    void productionAllowsPublicAddresses(String address) {
        assertThatCode(() -> production.check(URI.create("https://" + literal(address) + ":8443/hook")))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocalStackAllowsLoopbackButStillRefusesPrivateNetworks() throws Exception {
        localStack.check(URI.create("http://127.0.0.1:9000/hook"));
        localStack.check(URI.create("http://[::1]:9000/hook"));
        assertThatThrownBy(() -> localStack.check(URI.create("http://10.1.2.3/hook")))
                .isInstanceOf(CallbackHostPolicy.HostNotAllowed.class).hasMessageContaining("private");
        assertThatThrownBy(() -> localStack.check(URI.create("http://169.254.169.254/latest/meta-data")))
                .isInstanceOf(CallbackHostPolicy.HostNotAllowed.class);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsRefused() {
        CallbackHostPolicy policy = new CallbackHostPolicy(false, false, table(Map.of(
                "hooks.example.org", new String[] {"93.184.216.34"},
                "rebinding.example.org", new String[] {"93.184.216.34", "10.0.0.7"},
                "localhost.example.org", new String[] {"127.0.0.1"})));

        assertThatCode(() -> policy.check(URI.create("https://hooks.example.org/x"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("https://rebinding.example.org/x")))
                .isInstanceOf(CallbackHostPolicy.HostNotAllowed.class);
        assertThatThrownBy(() -> policy.check(URI.create("https://localhost.example.org/x")))
                .isInstanceOf(CallbackHostPolicy.HostNotAllowed.class).hasMessageContaining("loopback");
    }

    @Test
    void aNameThatDoesNotResolveIsReportedAsSuchNotAsRefused() {
        CallbackHostPolicy policy = new CallbackHostPolicy(false, false, table(Map.of()));

        assertThatThrownBy(() -> policy.check(URI.create("https://nowhere.example.org/x")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void privateNetworksCanBeAllowedForAnInternalDeployment() throws Exception {
        CallbackHostPolicy internal = new CallbackHostPolicy(false, true, InetAddress::getAllByName);

        internal.check(URI.create("http://10.1.2.3/hook"));
        internal.check(URI.create("http://[fd00::1]/hook"));
        assertThat(internal.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(internal.allows(InetAddress.getByName("224.0.0.1"))).isFalse();
    }

    private static String literal(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static CallbackHostPolicy.Resolver table(Map<String, String[]> names) {
        return host -> {
            String[] addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        };
    }
}
