package org.nacrad.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The server's protections: the headers of every response (Content-Security-Policy allowing only the server's own
 * script and style sheet, nosniff, no framing, no referrer to other sites, no caching of patient data), the access token (compared
 * in constant time: both sides are hashed and the hashes compared with {@link MessageDigest#isEqual}), the
 * cross-origin check of every POST, and the anti-forgery token of the form (a random value in a SameSite=Strict,
 * HttpOnly cookie that the form must echo).
 */
final class Security {

    static final String TOKEN_COOKIE = "nacrad_token";
    static final String CSRF_COOKIE = "nacrad_csrf";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Security() {
    }

    /** The protective headers of every response. */
    static void headers(HttpFields.Mutable h) {
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own form posts
        h.put("Referrer-Policy", "same-origin");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    /** Whether two secrets are equal, in time independent of where they differ and of their lengths. */
    static boolean same(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new random secret (192 bits, URL-safe). */
    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The token a request carries: the Authorization bearer, else the cookie (null when none). */
    static String presentedToken(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return cookie(request, TOKEN_COOKIE);
    }

    /** A cookie's value, or null. */
    static String cookie(Request request, String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A Set-Cookie value: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
    static String setCookie(Request request, String name, String value, String path) {
        boolean https = request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }

    /**
     * Whether a state-changing request may come from where it says it comes from. A browser's Fetch Metadata
     * decides when it sent it ({@code Sec-Fetch-Site}: {@code same-origin}, or {@code none} for what the user did
     * directly, pass; {@code same-site} and {@code cross-site} are refused); otherwise the {@code Origin}, when
     * there is one, must be this server's host; a request with neither header (curl, scripts) is not a browser's
     * and passes.
     */
    static boolean sameOrigin(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeaders().get(HttpHeader.HOST);
        }
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            return authority(o.getHost(), o.getPort(), o.getScheme()).equals(hostAuthority(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String authority(String host, int port, String scheme) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(scheme))
                || (port == 443 && "https".equalsIgnoreCase(scheme));
        return defaultPort ? h : h + ":" + port;
    }

    private static String hostAuthority(String host) {
        String h = host.split(",")[0].trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(":80") || h.endsWith(":443")) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        return h;
    }
}
