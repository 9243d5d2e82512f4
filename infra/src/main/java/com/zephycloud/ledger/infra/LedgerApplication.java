package com.zephycloud.ledger.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "com.zephycloud.ledger")
public class LedgerApplication {
    public static void main(String[] args) {
        // A back office does not report usage to a third party; -D on the command line still wins.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
