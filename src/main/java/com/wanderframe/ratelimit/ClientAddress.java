package com.wanderframe.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is asking, for limits: the connection's address ({@code request.getRemoteAddr()}, which
 * Spring's forwarded-header handling replaces with the client's only when a proxy is trusted).
 * An IPv6 client usually holds a whole /64, so that prefix counts as one address; the network
 * is the IPv4 /24 or the IPv6 /48 around it.
 * <p>
 * The prefixes are computed here by hand because no library on the classpath offers "the /n
 * around this address". A dotted quad is read here too: {@link InetAddress#getByName} looks up
 * anything with dots that is not a valid quad ({@code 1.2.3.4.5}, {@code cafe.be}), and the
 * address can come from a forwarded header. IPv6 stays with {@link InetAddress}, which treats
 * any host with a colon as a literal and never looks it up.
 * @param address the key one client is counted under
 * @param network the key its neighbourhood is counted under
 */
public record ClientAddress(String address, String network) {

	/** Starts as the JDK needs to read it as a literal (a hex digit or a colon), has a colon. */
	private static final Pattern IPV6 = Pattern.compile("^(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*$");

	private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

	public static ClientAddress of(String remoteAddr) {
		String literal = remoteAddr == null ? "" : remoteAddr.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		byte[] bytes = IPV6.matcher(literal).matches() ? ipv6(literal) : ipv4(literal);
		if (bytes == null) {
			String unknown = "other:" + literal;
			return new ClientAddress(unknown, unknown);
		}
		if (bytes.length == 4) {
			return new ClientAddress(prefix(bytes, 32), prefix(bytes, 24));
		}
		return new ClientAddress(prefix(bytes, 64), prefix(bytes, 48));
	}

	private static byte[] ipv4(String literal) {
		Matcher quad = IPV4.matcher(literal);
		if (!quad.matches()) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = Integer.parseInt(quad.group(i + 1));
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		return bytes;
	}

	/** @return 16 bytes, or 4 for an IPv4-mapped address */
	private static byte[] ipv6(String literal) {
		try {
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String prefix(byte[] bytes, int bits) {
		byte[] masked = bytes.clone();
		for (int bit = bits; bit < masked.length * 8; bit++) {
			masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		try {
			return InetAddress.getByAddress(masked).getHostAddress() + "/" + bits;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
