package org.homeinfusion.coordinator.notification;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a webhook may be sent to. A subscriber chooses the URL, so without this check the
 * coordinator could be made to POST into its own network (cloud metadata at 169.254.169.254, admin
 * ports on loopback, databases on 10.x). Every address the host resolves to is checked, so a name
 * that resolves to one public and one private address is refused; the check runs when subscribing
 * and again before every attempt, because DNS can change in between.
 */
final class CallbackHostPolicy {

    /** Turns a host name into addresses; the JVM's resolver in production, a table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What kind of network an address belongs to, as far as sending webhooks is concerned. */
    enum AddressClass {
        PUBLIC,
        /** This machine: loopback or the unspecified address (which Linux connects to loopback). */
        LOOPBACK,
        /** Private, link-local, unique-local or carrier-grade NAT ranges: someone's internal network. */
        PRIVATE,
        /** Multicast, documentation, reserved and tunnelling ranges: never a legitimate callback. */
        RESERVED
    }

    /** A callback whose host resolves to an address the configuration does not allow. */
    static final class HostNotAllowed extends RuntimeException {

        HostNotAllowed(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    CallbackHostPolicy(boolean allowLoopback, boolean allowPrivateNetworks, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    static CallbackHostPolicy of(WebhookProperties properties) {
        return new CallbackHostPolicy(properties.allowLoopback(), properties.allowPrivateNetworks(), InetAddress::getAllByName);
    }

    /**
     * Resolves the URL's host and refuses it unless every address is allowed.
     *
     * @throws HostNotAllowed       when an address is not allowed
     * @throws UnknownHostException when the host does not resolve (a transient condition, not a refusal)
     */
    void check(URI url) throws UnknownHostException {
        String host = hostOf(url);
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            AddressClass addressClass = classify(address);
            if (!allows(addressClass)) {
                throw new HostNotAllowed("Callback host " + host + " resolves to a "
                        + addressClass.name().toLowerCase(java.util.Locale.ROOT) + " address, which is not allowed here");
            }
        }
    }

    boolean allows(InetAddress address) {
        return allows(classify(address));
    }

    private boolean allows(AddressClass addressClass) {
        return switch (addressClass) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case PRIVATE -> allowPrivateNetworks;
            case RESERVED -> false;
        };
    }

    /** The host as the resolver wants it: an IPv6 literal loses its brackets. */
    static String hostOf(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static AddressClass classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? classifyV4(bytes) : classifyV6(bytes);
    }

    private static AddressClass classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127 || (a0 == 0 && a1 == 0 && a2 == 0 && (b[3] & 0xff) == 0)) {
            return AddressClass.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 169 && a1 == 254) || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
            return AddressClass.PRIVATE;
        }
        if (a0 == 0 || a0 >= 224 || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if (allZero(b, 0, 15)) {
            // :: or ::1
            return (b[15] == 0 || b[15] == 1) ? AddressClass.LOOPBACK : classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            // IPv4-mapped: the connection goes to the embedded IPv4 address.
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (allZero(b, 0, 12)) {
            // IPv4-compatible (deprecated), routed as the embedded IPv4 address.
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
            // NAT64 well-known prefix: the gateway forwards to the embedded IPv4 address.
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (w0 == 0x2002) {
            // 6to4 embeds the IPv4 address of the relay's destination.
            return classifyV4(Arrays.copyOfRange(b, 2, 6));
        }
        if ((w0 & 0xfe00) == 0xfc00 || (w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0
                || (w0 == 0x0064 && w1 == 0xff9b)) {
            return AddressClass.PRIVATE;
        }
        if ((w0 & 0xff00) == 0xff00 || (w0 == 0x2001 && (w1 == 0x0db8 || w1 == 0x0000)) || (w0 == 0x0100 && allZero(b, 2, 8))) {
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static int word(byte[] b, int index) {
        return ((b[index] & 0xff) << 8) | (b[index + 1] & 0xff);
    }

    /** True when bytes [from, to) are all zero. */
    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
