package org.nacrad.web;

import java.util.List;
import java.util.Locale;

/**
 * The page frame and the small formatting helpers of the server-rendered pages. Everything that comes from a user
 * or a file is escaped; the pages load one style sheet and one script from the jar (no inline script or style, so
 * that the Content-Security-Policy can forbid them).
 */
final class Html {

    private Html() {
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number with four significant digits, no trailing zeros ("—" when missing). */
    static String num(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "—";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v.doubleValue());
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? "%.4g" : "%.3e", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A probability as a percentage with one decimal. */
    static String percent(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.1f %%", 100 * p) : "—";
    }

    /** A value with three decimals. */
    static String f3(Double v) {
        return v == null || !Double.isFinite(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A whole page: title, navigation, body. */
    static String page(String title, String active, String body) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/nacrad.css\">\n")
                .append("<script src=\"/assets/nacrad.js\" defer></script>\n</head>\n<body>\n")
                .append("<header class=\"top\"><span class=\"brand\">nacrad</span><nav>");
        for (List<String> link : List.of(List.of("/", "Model card"), List.of("/predict", "Predict"))) {
            b.append("<a href=\"").append(link.get(0)).append('"')
                    .append(link.get(0).equals(active) ? " class=\"active\" aria-current=\"page\"" : "").append('>')
                    .append(esc(link.get(1))).append("</a>");
        }
        b.append("</nav></header>\n<main>\n").append(body).append("</main>\n<footer>")
                .append("Research software: a decision aid for specialists, not a medical device. The model was "
                        + "developed on the cohort described on the model card and may not transfer to other "
                        + "populations, scanners or protocols.")
                .append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    /** A definition row of a two-column table. */
    static String row(String label, String value) {
        return "<tr><th scope=\"row\">" + esc(label) + "</th><td>" + value + "</td></tr>\n";
    }
}
