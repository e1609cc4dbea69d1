package io.newsstream.common.ids;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normal form of a web article's address, from which its id is derived ({@link ArticleIds#fromUrl}):
 * the same page reached through a campaign link, with a fragment, an explicit default port or an
 * upper-case host is one address. Only http(s) addresses with a host have one.
 *
 * <ul>
 *   <li>scheme and host in lower case, a trailing dot of the host and the default port dropped;</li>
 *   <li>the path's dot segments resolved, an empty path made {@code /}, percent-escapes of unreserved
 *       characters decoded and the others written in upper-case hex;</li>
 *   <li>the fragment dropped, tracking parameters dropped ({@code utm_*}, click ids such as
 *       {@code fbclid}, {@code gclid}, {@code msclkid}, mail-campaign ids), the other parameters sorted.</li>
 * </ul>
 */
public final class CanonicalUrl {

    private static final Pattern TRACKING_PREFIX = Pattern.compile("(?i)(utm_|_hs|mc_|pk_|mtm_|oly_|at_|__s).*");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "mkt_tok", "_ga", "_gl", "_openstat", "vero_id",
            "vero_conv", "wickedid", "rb_clickid", "s_cid", "ncid", "ocid", "cmpid", "sr_share", "ref_src", "ref_url",
            "smid", "smtyp", "share_source", "spm", "guccounter", "guce_referrer", "guce_referrer_sig");

    private CanonicalUrl() {
    }

    /** The normal form of {@code url}, or null when it is not an http(s) address with a host. */
    public static String normalise(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!"http".equals(scheme) && !"https".equals(scheme) || host == null || host.isEmpty()) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = escapes(removeDotSegments(path));
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /**
     * The key an id is computed from: the normal form, with {@code http} and {@code https} taken as one
     * (a site moved to https still serves the same articles), or null when {@code url} has no normal form.
     */
    static String idKey(String url) {
        String n = normalise(url);
        return n == null ? null : n.startsWith("http://") ? "https://" + n.substring("http://".length()) : n;
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : raw.split("[&;]")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (TRACKING.contains(name.toLowerCase(Locale.ROOT)) || TRACKING_PREFIX.matcher(name).matches()) {
                continue;
            }
            kept.add(escapes(param));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Resolves {@code .} and {@code ..} segments of an absolute path (RFC 3986, 5.2.4). */
    private static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..") && !out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    /** Decodes percent-escapes of unreserved characters (RFC 3986) and upper-cases the hex of the rest. */
    private static String escapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
                int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
                    out.append((char) v);
                } else {
                    out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
