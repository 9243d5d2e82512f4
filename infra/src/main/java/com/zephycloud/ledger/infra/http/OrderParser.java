package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the reference's "SQL like" {@code order} parameter ({@code login ASC, credit DESC}) into
 * a {@link Sort} over allowed field names. The text is never pasted into SQL.
 */
public final class OrderParser {

    private OrderParser() {
    }

    /** @return the sort, or a message saying what is wrong */
    public static Sort parse(String text, Set<String> allowed, List<String> errors) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                errors.add("order: '" + part.trim() + "' is not 'field [ASC|DESC]'; allowed fields: "
                        + String.join(", ", allowed));
                continue;
            }
            String field = words[0].toLowerCase(Locale.ROOT);
            if (!allowed.contains(field)) {
                errors.add("order: cannot order by '" + words[0] + "'; allowed fields: " + String.join(", ", allowed));
                continue;
            }
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toUpperCase(Locale.ROOT);
                if (!direction.equals("ASC") && !direction.equals("DESC")) {
                    errors.add("order: direction '" + words[1] + "' after '" + words[0] + "' must be ASC or DESC");
                    continue;
                }
                descending = direction.equals("DESC");
            }
            keys.add(new SortKey(field, descending));
        }
        return new Sort(keys);
    }
}
