package dev.mcd.verify;

/**
 * A numeric check failed or could not be run, e.g. "step 2 (rule product, eq. 10) disagrees with
 * step 1 at random point 1 of 3: expected 3.21, got 3.27 (relative error 1.9e-2)". The site adds
 * the file and line.
 */
public class VerificationException extends RuntimeException {
    public VerificationException(String message) {
        super(message);
    }
}
