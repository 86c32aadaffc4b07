package io.selfheal.emulator.services.ec2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block, {@code a.b.c.d/n} with no host bits set, as CreateVpc and CreateSubnet take them. */
record Cidr(long base, int prefix) {
    private static final Pattern SHAPE =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** The block {@code text} names, or null when it is not a CIDR block (or has host bits set). */
    static Cidr parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        long base = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            base = base << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (base & ~mask(prefix)) != 0) {
            return null;
        }
        return new Cidr(base, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    }

    long size() {
        return 1L << (32 - prefix);
    }

    boolean contains(Cidr other) {
        return other.prefix >= prefix && (other.base & mask(prefix)) == base;
    }

    boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The offset of {@code ip} in this block, or -1 when it lies outside. */
    long offsetOf(String ip) {
        Cidr host = parse(ip + "/32");
        return host == null || !contains(host) ? -1 : host.base - base;
    }

    /** The address {@code offset} hosts into the block. */
    String address(long offset) {
        long a = base + offset;
        return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
    }

    @Override
    public String toString() {
        return address(0) + "/" + prefix;
    }
}
