package eligo.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for {@link SignInThrottle}: the connection's, unless that is a
 * reverse proxy of {@code --trusted-proxy}. Then it is the address that proxy put in {@code
 * X-Forwarded-For}: the entries are read from the right (each proxy appends the address it was
 * reached from), the trusted proxies' own skipped, and the first other one is the client. Entries
 * to its left are the client's own words and never read, so a client cannot pick its address. An
 * entry that is not an address (a proxy that writes something else) ends the reading at the proxy
 * that wrote it, as does a missing header: the failures then count for that proxy.
 *
 * <p>Proxies are IP addresses or networks ({@code 10.0.0.0/8}, {@code fd00::/8}), never host names,
 * so nothing here asks DNS.
 */
final class ClientAddress {
  /** No proxy trusted: the connection's address. */
  static final ClientAddress DIRECT = new ClientAddress(List.of());

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /**
   * An IPv6 literal's characters, starting with a hex digit or ':' and holding a ':': the JDK then
   * parses it as a literal and refuses it if it is none, never looking it up as a host name.
   */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  /** A network: its address bytes and how many leading bits count. */
  private record Network(byte[] address, int bits) {
    boolean holds(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != address.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((b[i / 8] & mask) != (address[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Network> trusted;

  private ClientAddress(List<Network> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /**
   * The proxies of {@code --trusted-proxy}: each an address or a network ({@code ADDR/BITS}).
   *
   * @throws IllegalArgumentException naming the first one that is neither
   */
  static ClientAddress trusting(List<String> proxies) {
    List<Network> out = new ArrayList<>();
    for (String p : proxies) {
      String s = p.strip();
      int slash = s.indexOf('/');
      InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
      int max = a == null ? 0 : a.getAddress().length * 8;
      int bits = max;
      if (a != null && slash >= 0) {
        String b = s.substring(slash + 1);
        bits = b.matches("\\d{1,3}") ? Integer.parseInt(b) : -1;
      }
      if (a == null || bits < 0 || bits > max) {
        throw new IllegalArgumentException(
            "--trusted-proxy '"
                + eligo.lang.SyntaxErrors.printable(p)
                + "' is not an IP address or network (such as 10.0.0.5, 10.0.0.0/8 or fd00::/8)");
      }
      out.add(new Network(a.getAddress(), bits));
    }
    return new ClientAddress(out);
  }

  /** Whether any proxy is trusted. */
  boolean trustsAProxy() {
    return !trusted.isEmpty();
  }

  /**
   * The client's address of a request that came over a connection from {@code peer}, with these
   * {@code X-Forwarded-For} header lines (none: empty).
   */
  String of(InetAddress peer, List<String> forwardedFor) {
    if (peer == null) {
      return "";
    }
    InetAddress client = peer;
    if (isTrusted(client)) {
      List<String> entries = new ArrayList<>();
      for (String line : forwardedFor) {
        for (String e : line.split(",", -1)) {
          entries.add(e.strip());
        }
      }
      for (int i = entries.size() - 1; i >= 0 && isTrusted(client); i--) {
        InetAddress a = literal(withoutPort(entries.get(i)));
        if (a == null) {
          break;
        }
        client = a;
      }
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress a) {
    for (Network n : trusted) {
      if (n.holds(a)) {
        return true;
      }
    }
    return false;
  }

  /** An entry without the port some proxies add: {@code 1.2.3.4:5678}, {@code [::1]:5678}. */
  private static String withoutPort(String e) {
    if (e.startsWith("[")) {
      int end = e.indexOf(']');
      return end < 0 ? e : e.substring(1, end);
    }
    int colon = e.indexOf(':');
    return colon > 0 && e.indexOf(':', colon + 1) < 0 ? e.substring(0, colon) : e;
  }

  /** The address an IP literal writes, or null for anything else (a host name is not looked up). */
  static InetAddress literal(String s) {
    boolean v6 = s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
    if (s.length() > 45 || !(IPV4.matcher(s).matches() || v6)) {
      return null;
    }
    try {
      return InetAddress.getByName(s); // a literal: parsed, no lookup
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
