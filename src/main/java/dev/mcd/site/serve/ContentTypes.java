package dev.mcd.site.serve;

import java.nio.file.Path;
import java.util.Locale;

/** The Content-Type for a served file by its extension, e.g. {@code site.css} → {@code text/css; charset=utf-8}. */
final class ContentTypes {
    private ContentTypes() {
    }

    static String of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "txt", "md" -> "text/plain; charset=utf-8";
            case "xml" -> "application/xml; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "woff" -> "font/woff";
            case "ttf" -> "font/ttf";
            default -> "application/octet-stream";
        };
    }

    static boolean isHtml(Path file) {
        return of(file).startsWith("text/html");
    }
}
