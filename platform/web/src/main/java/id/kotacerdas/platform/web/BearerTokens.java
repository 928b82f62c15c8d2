package id.kotacerdas.platform.web;

/**
 * Bearer tokens as the gateway and the services remember them once verified: read from an {@code Authorization}
 * header, and keyed for a cache of verified tokens.
 */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive, RFC 9110 11.1), else null. */
    public static String fromAuthorization(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * A token as a cache key: equal only to the same whole text, hashed over its last characters (a JWT ends in its
     * signature, as good as random). A request's token is a new string every time, and String's own hash of ~1,000
     * characters showed in JFR on every request.
     */
    public record Key(String token, int hash) {

        private static final int HASHED_TAIL = 32;

        public static Key of(String token) {
            int h = token.length();
            for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            return new Key(token, h);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.token.equals(token);
        }

        @Override
        public String toString() {
            return "BearerTokens.Key[" + token.length() + " characters]"; // never the token itself
        }
    }
}
