package com.wanderframe.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who is asking, for limits: the connection's address ({@code request.getRemoteAddr()}, which
 * Spring's forwarded-header handling replaces with the client's only when a proxy is trusted).
 * An IPv6 client usually holds a whole /64, so that prefix counts as one address; the network
 * is the IPv4 /24 or the IPv6 /48 around it.
 * <p>
 * The prefixes are computed here by hand because no library on the classpath offers "the /n
 * around this address"; parsing stays with {@link InetAddress}, and only for literals (a
 * hostname is never looked up).
 * @param address the key one client is counted under
 * @param network the key its neighbourhood is counted under
 */
public record ClientAddress(String address, String network) {

	private static final Pattern LITERAL = Pattern.compile("^[0-9A-Fa-f:.]+$");

	public static ClientAddress of(String remoteAddr) {
		String literal = remoteAddr == null ? "" : remoteAddr.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		if (!LITERAL.matcher(literal).matches() || literal.indexOf(':') < 0 && literal.indexOf('.') < 0) {
			String unknown = "other:" + literal;
			return new ClientAddress(unknown, unknown);
		}
		try {
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			if (bytes.length == 4) {
				return new ClientAddress(prefix(bytes, 32), prefix(bytes, 24));
			}
			return new ClientAddress(prefix(bytes, 64), prefix(bytes, 48));
		}
		catch (UnknownHostException ex) {
			String unknown = "other:" + literal;
			return new ClientAddress(unknown, unknown);
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
