package dev.mcd.site.publish;

import java.io.IOException;

/**
 * A publish that could not happen, as one line for the user, e.g. "cannot write the new site:
 * no space left on device (.site-output.new-3f2a/katex/katex.min.css); site-output/ is unchanged".
 */
public final class PublishException extends IOException {
    public PublishException(String message) {
        super(message);
    }
}
