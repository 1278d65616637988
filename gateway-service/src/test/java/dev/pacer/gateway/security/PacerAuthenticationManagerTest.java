package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PacerAuthenticationManagerTest {

    private static final String CAROL_HASH = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("carol-pw");
    private static final String ADMIN_HASH = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("admin-pw");

    private final CountingEncoder encoder = new CountingEncoder();
    private final PacerAuthenticationManager manager = new PacerAuthenticationManager(properties(
            new SecurityProperties.Admin("admin", ADMIN_HASH),
            List.of(new SecurityProperties.User("carol", CAROL_HASH, List.of("team-a")))), encoder, null);

    @Test
    void theBootstrapAdmin_isAnAdminPrincipal_usersAreNot() {
        PacerPrincipal admin = (PacerPrincipal) login("admin", "admin-pw").getPrincipal();
        assertThat(admin.admin()).isTrue();
        PacerPrincipal carol = (PacerPrincipal) login("carol", "carol-pw").getPrincipal();
        assertThat(carol.admin()).isFalse();
        assertThat(carol.groups()).containsExactly("team-a");
    }

    /** An unknown user pays the same bcrypt as a wrong password: one check against a hash of the same cost. */
    @Test
    void anUnknownUser_costsOneBcryptOfTheConfiguredCost_likeAWrongPassword() {
        assertThatThrownBy(() -> login("nobody", "x")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).hasSize(1);
        assertThat(encoder.checks.get(0)).startsWith("{bcrypt}$2a$10$").isNotIn(CAROL_HASH, ADMIN_HASH);
        assertThatThrownBy(() -> login("carol", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).hasSize(2);
        assertThat(encoder.checks.get(1)).isEqualTo(CAROL_HASH);
    }

    @Test
    void unknownUsersAndWrongPasswords_takeTheSameTime() {
        PacerAuthenticationManager real = new PacerAuthenticationManager(properties(new SecurityProperties.Admin(null, null),
                List.of(new SecurityProperties.User("carol", CAROL_HASH, List.of()))),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), null);
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            unknown.add(timed(real, "nobody-" + i));
            wrong.add(timed(real, "carol"));
        }
        long unknownMedian = unknown.stream().sorted().toList().get(3);
        long wrongMedian = wrong.stream().sorted().toList().get(3);
        System.out.printf("[login timing] median unknown user %.1f ms, wrong password %.1f ms%n", unknownMedian / 1e6, wrongMedian / 1e6);
        assertThat((double) unknownMedian).isBetween(wrongMedian * 0.5, wrongMedian * 2.0);
    }

    @Test
    void theDummyHash_takesTheHighestConfiguredCost() {
        assertThat(PacerAuthenticationManager.dummyHash(List.of("{noop}x"))).startsWith("{bcrypt}$2a$10$");
        assertThat(PacerAuthenticationManager.dummyHash(List.of("{bcrypt}$2a$04$abc", "{bcrypt}$2y$05$def"))).startsWith("{bcrypt}$2a$05$");
    }

    @Test
    void aUserNamedLikeTheAdmin_failsStartUp() {
        assertThatThrownBy(() -> new PacerAuthenticationManager(properties(new SecurityProperties.Admin("admin", ADMIN_HASH),
                List.of(new SecurityProperties.User("admin", CAROL_HASH, List.of()))), encoder, null))
                .hasMessageContaining("named like the bootstrap admin");
        assertThatThrownBy(() -> new PacerAuthenticationManager(properties(new SecurityProperties.Admin("admin", null),
                List.of()), encoder, null)).hasMessageContaining("admin.password");
    }

    private static long timed(PacerAuthenticationManager manager, String user) {
        long start = System.nanoTime();
        try {
            manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, "wrong")).block();
        } catch (BadCredentialsException expected) {
            // both fail; only the time matters
        }
        return System.nanoTime() - start;
    }

    private Authentication login(String user, String password) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password)).block();
    }

    private static SecurityProperties properties(SecurityProperties.Admin admin, List<SecurityProperties.User> users) {
        return new SecurityProperties(true, admin, users, List.of(), null, null);
    }

    /** The real delegating encoder, recording which hash each check ran against. */
    static final class CountingEncoder implements PasswordEncoder {
        final List<String> checks = new ArrayList<>();
        final AtomicInteger encodes = new AtomicInteger();
        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            encodes.incrementAndGet();
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.add(encoded);
            return real.matches(raw, encoded);
        }
    }

    static Set<String> none() {
        return Set.of();
    }
}
