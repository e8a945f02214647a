package org.ddos.scorematching.pickle;

/** A campaign file that cannot be read: truncated, corrupt, foreign or holding unexpected content. */
public class CampaignFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CampaignFormatException(String message) {
        super(message);
    }

    public CampaignFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
