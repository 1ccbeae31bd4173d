package io.coebot.install;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSealTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String TOKEN = "xoxb-1234-5678-secretsecretsecret";

    @Test
    void aSealedTokenOpensOnlyForItsWorkspaceWithItsKey() {
        TokenSeal seal = TokenSeal.of(KEY);
        byte[] sealed = seal.seal(TOKEN, "/T0ALPHA01");
        assertEquals(Optional.of(TOKEN), seal.open(sealed, "/T0ALPHA01"));
        assertEquals(Optional.empty(), seal.open(sealed, "/T0BETA002"), "moved onto another workspace's row");
        byte[] other = new byte[32];
        other[0] = 1;
        assertEquals(Optional.empty(), TokenSeal.of(Base64.getEncoder().encodeToString(other)).open(sealed, "/T0ALPHA01"));
        sealed[sealed.length - 1] ^= 1;
        assertEquals(Optional.empty(), seal.open(sealed, "/T0ALPHA01"), "changed");
    }

    @Test
    void eachValueHasItsOwnIvSoEqualTokensDoNotLookEqual() {
        TokenSeal seal = TokenSeal.of(KEY);
        byte[] a = seal.seal(TOKEN, "/T0ALPHA01");
        byte[] b = seal.seal(TOKEN, "/T0ALPHA01");
        assertFalse(Arrays.equals(Arrays.copyOf(a, 12), Arrays.copyOf(b, 12)));
        assertFalse(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1).contains("secretsecret"));
    }

    @Test
    void aMissingOrMalformedKeyIsNamedNeverQuoted() {
        assertTrue(TokenSeal.problemWith(null).orElseThrow().startsWith("COE_SECRET_KEY is not set"));
        assertTrue(TokenSeal.problemWith("not base64 at all!").orElseThrow().contains("COE_SECRET_KEY is not base64"));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String problem = TokenSeal.problemWith(shortKey).orElseThrow();
        assertTrue(problem.contains("COE_SECRET_KEY decodes to 16 bytes"), problem);
        assertFalse(problem.contains(shortKey));
        assertEquals(Optional.empty(), TokenSeal.problemWith(KEY));
        assertThrows(IllegalStateException.class, () -> TokenSeal.of(shortKey));
    }
}
