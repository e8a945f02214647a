package org.ddos.scorematching.pickle;

/** A campaign file that cannot be read: truncated, corrupt, foreign or holding unexpected content. */
public class CampaignFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file and the problem
     */
    public CampaignFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and the problem
     * @param cause the underlying failure (I/O, decompression, parsing)
     */
    public CampaignFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
