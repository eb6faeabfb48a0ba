package io.chatforge.im.contracts.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void spellingsThatReachOneAccount_shareOneCanonicalForm() {
        assertThat(Usernames.canonical("alice")).isEqualTo("alice");
        assertThat(Usernames.canonical("ALICE")).isEqualTo("alice");
        assertThat(Usernames.canonical(" alice \t")).isEqualTo("alice");
        assertThat(Usernames.canonical("ａｌｉｃｅ")).as("full-width").isEqualTo("alice");
        assertThat(Usernames.canonical("Ａlice_01")).isEqualTo("alice_01");
    }

    @Test
    void onlyTheRestrictedAlphabet_isValid() {
        assertThat(Usernames.isValid("alice_01.b-c")).isTrue();
        assertThat(Usernames.isValid(Usernames.canonical("ALICE"))).isTrue();
        assertThat(Usernames.isValid(Usernames.canonical("alicé")))
                .as("accented")
                .isFalse();
        assertThat(Usernames.isValid(Usernames.canonical("al ice"))).isFalse();
        assertThat(Usernames.isValid("al")).isFalse();
        assertThat(Usernames.isValid("a".repeat(33))).isFalse();
        assertThat(Usernames.isValid(null)).isFalse();
        assertThat(Usernames.isValid("ALICE")).as("not canonical").isFalse();
    }

    @Test
    void hugeInput_isCutBeforeNormalising() {
        assertThat(Usernames.canonical("a".repeat(10_000))).hasSize(Usernames.MAX_RAW);
    }
}
