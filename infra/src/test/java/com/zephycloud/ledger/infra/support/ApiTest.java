package com.zephycloud.ledger.infra.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of the HTTP tests: the whole application on a random port, on the test database. All
 * subclasses share one application (Spring caches the context), so each test makes its own data
 * (see {@link #unique(String)}) and never assumes an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected ApiClient admin() {
        return ApiClient.admin(port);
    }

    protected ApiClient service() {
        return ApiClient.service(port);
    }

    /** A login no other test uses: lowercase letters only, as the login rule wants. */
    protected static String unique(String prefix) {
        int n = COUNTER.incrementAndGet();
        StringBuilder suffix = new StringBuilder();
        long value = System.nanoTime() % 1_000_000_000L * 100 + n;
        while (value > 0) {
            suffix.append((char) ('a' + value % 26));
            value /= 26;
        }
        return prefix + suffix;
    }

    /** Creates a user with {@code coins} of initial credit and answers its id. */
    protected long newUser(String login, String coins) {
        return admin().post("/admin/user/new/", ApiClient.params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", coins)).ok().asLong();
    }
}
