package com.zephycloud.ledger.infra.projects.billing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The last day of storage charged per user. */
@Component
public class BilledDays {

    private final JdbcTemplate jdbc;

    public BilledDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> lastBilled(long userId) {
        List<Long> days = jdbc.queryForList("SELECT last_billed_day FROM storage_billing WHERE user_id = ?",
                Long.class, userId);
        return days.stream().findFirst().map(LocalDate::ofEpochDay);
    }

    /** Moves the user's last billed day forward to {@code day} (never back). */
    public void markBilled(long userId, LocalDate day) {
        int updated = jdbc.update("UPDATE storage_billing SET last_billed_day = ? WHERE user_id = ?"
                + " AND last_billed_day < ?", day.toEpochDay(), userId, day.toEpochDay());
        if (updated == 0 && lastBilled(userId).isEmpty()) {
            try {
                jdbc.update("INSERT INTO storage_billing (user_id, last_billed_day) VALUES (?, ?)", userId,
                        day.toEpochDay());
            } catch (DuplicateKeyException concurrent) {
                markBilled(userId, day);
            }
        }
    }
}
